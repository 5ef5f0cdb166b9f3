#include "time/calendar_parts.hpp"

#include <string>

namespace todo::time::detail {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

ParseResult<LocalDate> parse_date_part(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || !read_digits(text, 0, 4, year) || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day)) {
    return ParseError{"the date must look like YYYY-MM-DD"};
  }
  if (month < 1 || month > 12) {
    return ParseError{"month " + std::string(text.substr(5, 2)) + " is out of range 01-12"};
  }
  const LocalDate date{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
  if (!is_valid_date(date)) {
    return ParseError{std::string(text) + " is not a date that exists in the calendar"};
  }
  return date;
}

ParseResult<std::chrono::seconds> parse_time_part(std::string_view text) {
  int hour = 0, minute = 0, second = 0;
  const bool shape_ok = (text.size() == 5 || text.size() == 8) && read_digits(text, 0, 2, hour) &&
                        text[2] == ':' && read_digits(text, 3, 2, minute) &&
                        (text.size() == 5 || (text[5] == ':' && read_digits(text, 6, 2, second)));
  if (!shape_ok) return ParseError{"the time must look like HH:MM or HH:MM:SS"};
  // 24:00 is ISO 8601's "end of day"; we accept only one spelling of each instant: 00:00 next day.
  if (hour > 23) return ParseError{"hour " + std::to_string(hour) + " is out of range 00-23"};
  if (minute > 59) return ParseError{"minute " + std::to_string(minute) + " is out of range 00-59"};
  // Leap seconds (:60) are rejected: the zone database and our storage do not model them.
  if (second > 59) return ParseError{"second " + std::to_string(second) + " is out of range 00-59"};
  return std::chrono::seconds(hour * 3600 + minute * 60 + second);
}

}  // namespace todo::time::detail
