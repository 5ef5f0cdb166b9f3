#pragma once
// Internal: dates ("today", "tonight", "tomorrow", "friday", "next friday", "in 3 days",
// "on the 1st", "jan 5", "5 jan", "january 5th", "dec 1 2027", "2026-12-01").
#include <optional>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

struct DateValue {
  time::LocalDate date;
  std::size_t next = 0;  // the token after the date
  // A bare weekday, month day or "the 1st": often part of a title, so it needs a marker word
  // ("on", "by", "due") or the end of the text.
  bool bare = false;
  std::optional<std::chrono::seconds> time_of_day;  // "tonight" 19:00, "in 2 hours"
};

// A date written from token `i` (no marker word), resolved against ctx.today.
std::optional<DateValue> read_date(const Tokens& tokens, std::size_t i, const Context& ctx);

// A month and day without a year: "jan 5", "january 5th", "5 jan", "5th of january",
// "the 5th of january".
struct MonthDay {
  unsigned month = 1;
  int day = 1;
  std::size_t next = 0;
};
std::optional<MonthDay> read_month_day(const Tokens& tokens, std::size_t i);

// A due date phrase from token `i`: a date, optionally after "on", "by", "due", "from" or
// "starting". Kind due.
std::optional<Match> match_due(const Tokens& tokens, std::size_t i, const Context& ctx);

}  // namespace todo::quickadd::detail
