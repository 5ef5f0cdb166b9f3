#pragma once
// Internal: the English words quick add knows, each read from one lower-cased token.
#include <chrono>
#include <optional>
#include <string_view>

#include "time/calendar.hpp"

namespace todo::quickadd::detail {

// "mon", "monday", "tue", "tues", ... "sun", "sunday".
std::optional<time::Weekday> weekday_word(std::string_view word);

// "mon"/"monday"'s plural ("mondays") as well, for "every mondays"-style lists.
std::optional<time::Weekday> weekday_word_or_plural(std::string_view word);

// "jan", "january", ..., "sep", "sept", "september", ... -> 1..12.
std::optional<unsigned> month_word(std::string_view word);

// True when `word` is one or more ASCII digits (no sign, no spaces).
bool all_digits(std::string_view word);

// The value of a run of ASCII digits short enough for an int (checked with all_digits first).
int digits_value(std::string_view digits);

// A count: 1-3 digits ("12"), or "one" .. "twelve". With `articles`, "a" and "an" are 1 too
// ("in a week", "remind me an hour before").
std::optional<int> count_word(std::string_view word, bool articles = false);

// A day of the month with its English suffix: "1st", "2nd", "3rd", "4th", ..., "31st" -> 1..31.
std::optional<int> ordinal_day(std::string_view word);

// A day of the month as in "jan 5" or "jan 5th": digits 1-31 with an optional suffix.
std::optional<int> day_number(std::string_view word);

// "first" .. "fifth", "last" -> 1..5, -1 (as in "the last friday"); also "1st" .. "5th".
std::optional<int> week_ordinal(std::string_view word);

// A four-digit year 1900-2999.
std::optional<int> year_word(std::string_view word);

// Units of a fixed length, for reminders: "min", "mins", "minute(s)", "m", "h", "hr(s)",
// "hour(s)", "d", "day(s)", "w", "wk(s)", "week(s)" -> their length.
std::optional<std::chrono::seconds> duration_unit(std::string_view word);

// "30m", "1h", "2d", "1w", "90min": a count glued to a duration unit.
std::optional<std::chrono::seconds> compact_duration(std::string_view word);

// Calendar units, for "in 3 days" and "every 2 weeks".
enum class CalendarUnit { day, week, month, year };
// "day"/"days", "week"/"weeks", "month"/"months", "year"/"years".
std::optional<CalendarUnit> calendar_unit(std::string_view word);

}  // namespace todo::quickadd::detail
