#pragma once
// ISO 8601 durations of fixed length, as reminders use them ("PT15M" before the due time).
#include <chrono>
#include <string>

#include "time/parse_result.hpp"

namespace todo::time {

// Parses "PT15M", "PT1H30M", "P1D", "P1W", "P2DT3H", "PT45S" into seconds.
// Days are 86,400 s and weeks 7 days: durations here are exact spans of time, not calendar steps.
// Rejected, with a reason: empty ("P", "PT"), negative ("-PT5M"), fractions ("PT1.5H"), years and
// months (their length varies), weeks mixed with other units (as RFC 5545 dur-week), units out of
// order or repeated, and anything around the duration.
ParseResult<std::chrono::seconds> parse_iso8601_duration(const std::string& text);

// The canonical spelling of a non-negative duration: "PT0S", "PT15M", "PT1H30M", "P1D", "P2DT3H",
// and "P2W" when it is a whole number of weeks. parse(format(x)) == x.
// Throws std::invalid_argument for a negative duration.
std::string format_iso8601_duration(std::chrono::seconds duration);

}  // namespace todo::time
