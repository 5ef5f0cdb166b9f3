#pragma once
// Internal: the fixed-width pieces that local dates, local date-times and RFC 3339 instants share,
// parsed once here so every format rejects the same things with the same words.
#include <chrono>
#include <string_view>

#include "time/local_due.hpp"
#include "time/parse_result.hpp"

namespace todo::time::detail {

// Reads exactly `count` ASCII digits at `pos`; false if any is not a digit or the text is short.
bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out);

// Exactly "YYYY-MM-DD" (10 characters), calendar-checked.
ParseResult<LocalDate> parse_date_part(std::string_view text);

// Exactly "HH:MM" or "HH:MM:SS" as seconds since midnight; hours 00-23, minutes and seconds 00-59.
ParseResult<std::chrono::seconds> parse_time_part(std::string_view text);

}  // namespace todo::time::detail
