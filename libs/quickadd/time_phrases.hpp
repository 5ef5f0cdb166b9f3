#pragma once
// Internal: times of day ("at 9am", "9:30pm", "at 17:00", "noon", "midnight").
#include <optional>
#include <string>
#include <string_view>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

struct TimeValue {
  std::chrono::seconds time_of_day{0};
  std::size_t next = 0;
  bool bare = false;  // "noon" / "midnight" without "at"
};

// A time of day from token `i` (no "at"): "9am", "9 am", "9:30pm", "12am" (00:00), "12pm"
// (12:00), "17:00", "noon", "midnight". A bare number ("at 9") is not a time: 9 or 21 is a guess.
std::optional<TimeValue> read_time(const Tokens& tokens, std::size_t i);

// An hour without am/pm after "at" ("at 3", "at 9", "at 17"), from token `i`: 13-23 are the
// 24-hour clock; 1-12 are read as the hours people mean most (7-11 the morning, 12 noon, 1-6 the
// afternoon: "at 9" is 09:00, "at 3" 15:00), and `assumed` says so for the answer's warnings.
struct BareHour {
  std::chrono::seconds time_of_day{0};
  std::size_t next = 0;
  std::string assumed;  // empty for 13-23
};
std::optional<BareHour> read_bare_hour(const Tokens& tokens, std::size_t i);

// A clock without am/pm ("8", "7:30") in a part of the day (09:00 morning, 19:00 evening, ...):
// 08:00 in the morning, 19:30 in the evening; nullopt for anything else.
std::optional<std::chrono::seconds> clock_in_part(std::string_view clock,
                                                  std::chrono::seconds part);

// A time phrase from token `i`, optionally after "at". Kind time.
std::optional<Match> match_time(const Tokens& tokens, std::size_t i);

}  // namespace todo::quickadd::detail
