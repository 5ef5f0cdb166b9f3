#pragma once
// Wall-clock values without a zone: a calendar date, optionally with a time of day. A task's due
// is one of these plus the task's IANA zone, exactly as the user typed it, so "every day at 09:00"
// keeps meaning 09:00 local whatever the zone's offset does.
#include <chrono>
#include <optional>
#include <string>

#include "time/parse_result.hpp"

namespace todo::time {

// The years a date or instant sent to this platform may have. Before 1900 the zone database
// holds only local mean time, and a year 0 date in a zone east of UTC is an instant in year -1,
// which nothing downstream (PostgreSQL, RFC 3339) can carry.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 9999;

struct LocalDate {
  int year = 1970;
  unsigned month = 1;  // 1-12
  unsigned day = 1;    // 1-31, valid for the month
};

struct LocalDue {
  LocalDate date;
  // Seconds since local midnight, [0, 86400). Absent for a date-only due.
  std::optional<std::chrono::seconds> time_of_day;

  bool date_only() const { return !time_of_day.has_value(); }
};

bool operator==(const LocalDate& a, const LocalDate& b);
bool operator!=(const LocalDate& a, const LocalDate& b);
bool operator<(const LocalDate& a, const LocalDate& b);
bool operator==(const LocalDue& a, const LocalDue& b);
bool operator!=(const LocalDue& a, const LocalDue& b);

// Strict: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS", nothing before or after,
// in the years kMinYear to kMaxYear.
// Rejects impossible dates (2026-02-30), hours past 23 (24:00 included), offsets and "Z" (the
// zone comes from the task, never from the string); the error says which of these it was.
ParseResult<LocalDue> parse_local_due(const std::string& text);

// Strict "YYYY-MM-DD".
ParseResult<LocalDate> parse_local_date(const std::string& text);

// "YYYY-MM-DD" for a date-only due, "YYYY-MM-DDTHH:MM:SS" otherwise (seconds always written).
std::string format_local_due(const LocalDue& due);
std::string format_local_date(const LocalDate& date);

// True when the date exists in the proleptic Gregorian calendar (2024-02-29 yes, 2026-02-29 no).
bool is_valid_date(const LocalDate& date);

}  // namespace todo::time
