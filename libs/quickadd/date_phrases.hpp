#pragma once
// Internal: dates ("today", "tonight", "tomorrow", "the day after tomorrow", "friday", "next
// friday", "this weekend", "end of the month", "next month", "mid january", "in 3 days", "on the
// 1st", "jan 5", "5 jan", "january 5th", "dec 1 2027", "2026-12-01"), each optionally with a part
// of the day ("tomorrow morning", "friday evening", "this afternoon").
#include <optional>
#include <string>
#include <utility>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

struct DateValue {
  time::LocalDate date;
  std::size_t next = 0;  // the token after the date
  // A bare weekday, month day or "the 1st": often part of a title, so it needs a marker word
  // ("on", "by", "due") or the end of the text.
  bool bare = false;
  std::optional<std::chrono::seconds> time_of_day;  // "tonight" 19:00, "in 2 hours"
  bool period = false;        // a period ("this weekend", "end of the month", "mid january")
  bool needs_marker = false;  // "the weekend": only after "on", "over", "at", "by"
  bool part_of_day = false;   // the time is a part of the day ("tonight", "this evening")
  // What an ambiguous phrase was taken to mean ("next friday" said on a Wednesday), in words
  // for the answer's warnings; empty when the phrase has one reading.
  std::string assumed;
};

// A date written from token `i` (no marker word), resolved against ctx.today, with the part of
// the day after it if any ("tomorrow night").
std::optional<DateValue> read_date(const Tokens& tokens, std::size_t i, const Context& ctx);

// A part of the day from token `i`: "in the morning", "at night", and with `bare` "morning",
// "afternoon", "evening", "night" alone. The time and the token after it.
std::optional<std::pair<std::chrono::seconds, std::size_t>> read_day_part(const Tokens& tokens,
                                                                          std::size_t i, bool bare);

// A month and day without a year: "jan 5", "january 5th", "5 jan", "5th of january",
// "the 5th of january".
struct MonthDay {
  unsigned month = 1;
  int day = 1;
  std::size_t next = 0;
};
std::optional<MonthDay> read_month_day(const Tokens& tokens, std::size_t i);

// A due date phrase from token `i`: a date, optionally after "on", "by", "due", "from" or
// "starting"; a period also after "at", "over" or "before" ("at the end of the month", "over the
// weekend"). Kind due.
std::optional<Match> match_due(const Tokens& tokens, std::size_t i, const Context& ctx);

}  // namespace todo::quickadd::detail
