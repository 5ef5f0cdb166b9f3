#include "time/local_due.hpp"

#include <date/date.h>

#include <cstdio>
#include <string_view>
#include <tuple>

#include "time/calendar_parts.hpp"

namespace todo::time {
namespace {

constexpr const char* kShape = "must look like YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS";

}  // namespace

bool operator==(const LocalDate& a, const LocalDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
bool operator!=(const LocalDate& a, const LocalDate& b) {
  return !(a == b);
}
bool operator<(const LocalDate& a, const LocalDate& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}
bool operator==(const LocalDue& a, const LocalDue& b) {
  return a.date == b.date && a.time_of_day == b.time_of_day;
}
bool operator!=(const LocalDue& a, const LocalDue& b) {
  return !(a == b);
}

bool is_valid_date(const LocalDate& d) {
  if (d.year < 0 || d.year > 9999) return false;
  return date::year_month_day{date::year{d.year}, date::month{d.month}, date::day{d.day}}.ok();
}

namespace {

// A calendar date of the supported years (kMinYear to kMaxYear), or the error that says so.
ParseResult<LocalDate> supported_date(std::string_view text) {
  auto calendar_date = detail::parse_date_part(text);
  if (!calendar_date) return calendar_date;
  if (calendar_date->year < kMinYear || calendar_date->year > kMaxYear) {
    return ParseError{"year " + std::to_string(calendar_date->year) + " is out of range " +
                      std::to_string(kMinYear) + "-" + std::to_string(kMaxYear)};
  }
  return calendar_date;
}

}  // namespace

ParseResult<LocalDate> parse_local_date(const std::string& text) {
  if (text.size() > 10 && text[10] == 'T') return ParseError{"must be a date (YYYY-MM-DD) only"};
  return supported_date(text);
}

ParseResult<LocalDue> parse_local_due(const std::string& text) {
  const std::string_view view(text);
  if (view.size() < 10) return ParseError{kShape};
  auto calendar_date = supported_date(view.substr(0, 10));
  if (!calendar_date) return ParseError{calendar_date.error()};
  if (view.size() == 10) return LocalDue{*calendar_date, std::nullopt};

  if (view[10] != 'T') {
    return ParseError{std::string(kShape) + " (date and time are joined by 'T')"};
  }
  const std::string_view time_text = view.substr(11);
  // The zone is the task's time_zone; a second source of truth in the string could disagree.
  if (time_text.find_first_of("Zz+-") != std::string_view::npos) {
    return ParseError{
        "must be a local wall time without 'Z' or a UTC offset; the time_zone field gives the "
        "zone"};
  }
  if (time_text.find('.') != std::string_view::npos) {
    return ParseError{"fractional seconds are not allowed in a due time"};
  }
  auto time_of_day = detail::parse_time_part(time_text);
  if (!time_of_day) return ParseError{time_of_day.error()};
  return LocalDue{*calendar_date, *time_of_day};
}

std::string format_local_date(const LocalDate& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buffer;
}

std::string format_local_due(const LocalDue& due) {
  std::string out = format_local_date(due.date);
  if (due.time_of_day) {
    const auto total = due.time_of_day->count();
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", static_cast<int>(total / 3600),
                  static_cast<int>(total / 60 % 60), static_cast<int>(total % 60));
    out += buffer;
  }
  return out;
}

}  // namespace todo::time
