#include "time/rfc3339.hpp"

#include <date/date.h>

#include <cstdio>
#include <string_view>

#include "time/calendar.hpp"
#include "time/calendar_parts.hpp"

namespace todo::time {

std::string format_rfc3339(Instant instant) {
  const auto day = date::floor<date::days>(instant);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> clock{instant - day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", year,
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(clock.hours().count()),
                  static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()));
    return buffer;
  }
  // Written digit by digit: every task in a list page carries three or more instants, and
  // snprintf's format parsing was a visible share of a page's CPU.
  std::string out = "0000-00-00T00:00:00Z";
  const auto put2 = [&out](std::size_t at, unsigned value) {
    out[at] = static_cast<char>('0' + value / 10);
    out[at + 1] = static_cast<char>('0' + value % 10);
  };
  put2(0, static_cast<unsigned>(year / 100));
  put2(2, static_cast<unsigned>(year % 100));
  put2(5, static_cast<unsigned>(ymd.month()));
  put2(8, static_cast<unsigned>(ymd.day()));
  put2(11, static_cast<unsigned>(clock.hours().count()));
  put2(14, static_cast<unsigned>(clock.minutes().count()));
  put2(17, static_cast<unsigned>(clock.seconds().count()));
  return out;
}

ParseResult<Instant> parse_rfc3339(const std::string& text) {
  const std::string_view view(text);
  constexpr const char* kShape =
      "must be an RFC 3339 date-time like 2026-12-01T08:00:00Z or 2026-12-01T09:00:00+01:00";
  if (view.size() < 19) return ParseError{kShape};
  auto calendar_date = detail::parse_date_part(view.substr(0, 10));
  if (!calendar_date) return ParseError{calendar_date.error()};
  if (view[10] != 'T' && view[10] != 't') return ParseError{kShape};
  if (view[16] != ':') return ParseError{std::string(kShape) + " (seconds are required)"};
  auto time_of_day = detail::parse_time_part(view.substr(11, 8));
  if (!time_of_day) return ParseError{time_of_day.error()};

  std::size_t pos = 19;
  if (pos < view.size() && view[pos] == '.') {
    const std::size_t digits_start = ++pos;
    while (pos < view.size() && view[pos] >= '0' && view[pos] <= '9') ++pos;
    if (pos == digits_start) return ParseError{"a '.' must be followed by fraction digits"};
  }
  if (pos == view.size()) {
    return ParseError{
        "must end with 'Z' or a UTC offset like +02:00 (a bare local time is "
        "ambiguous)"};
  }

  std::chrono::seconds offset{0};
  if (view[pos] == 'Z' || view[pos] == 'z') {
    ++pos;
  } else if (view[pos] == '+' || view[pos] == '-') {
    int hours = 0, minutes = 0;
    if (!detail::read_digits(view, pos + 1, 2, hours) || pos + 3 >= view.size() ||
        view[pos + 3] != ':' || !detail::read_digits(view, pos + 4, 2, minutes)) {
      return ParseError{"the UTC offset must look like +HH:MM or -HH:MM"};
    }
    if (hours > 23 || minutes > 59) return ParseError{"the UTC offset is out of range"};
    offset = std::chrono::seconds{(hours * 60 + minutes) * 60};
    if (view[pos] == '-') offset = -offset;
    pos += 6;
  } else {
    return ParseError{"must end with 'Z' or a UTC offset like +02:00"};
  }
  if (pos != view.size()) return ParseError{"unexpected characters after the UTC offset"};

  const SysDays day = to_sys_days(*calendar_date);
  // The wall time minus its offset is the UTC instant: 10:00+02:00 is 08:00Z.
  const Instant instant{day + *time_of_day - offset};
  // An offset can carry the instant out of the years RFC 3339 writes: 9999-12-31T23:59:59-01:00
  // is in year 10000 UTC, which format_rfc3339 could not write back as RFC 3339.
  const int utc_year = to_local_date(std::chrono::floor<Days>(instant)).year;
  if (utc_year < 0 || utc_year > 9999) {
    return ParseError{"the instant is outside the years 0000-9999 in UTC"};
  }
  return instant;
}

}  // namespace todo::time
