#pragma once
// Internal: proleptic Gregorian arithmetic on local dates, for the checks libical cannot be
// trusted with (week numbers; see pattern_plan).
#include "time/local_due.hpp"

namespace todo::recurrence::detail {

// Days since 1970-01-01 (negative before).
long days_from_civil(const time::LocalDate& date);
time::LocalDate civil_from_days(long days);

// 0 = Monday ... 6 = Sunday.
int weekday_index(const time::LocalDate& date);

int days_in_month(int year, unsigned month);
int days_in_year(int year);
int day_of_year(const time::LocalDate& date);  // 1-366

// RFC 5545 week numbering with weeks starting on `week_start` (0 = Monday): week 1 is the first
// week with at least four days in the calendar year (the one holding 4 January).
struct WeekNumber {
  int week_year;      // the year the week belongs to (may differ from the date's year)
  int week;           // 1-53
  int weeks_in_year;  // 52 or 53
};
WeekNumber week_number(const time::LocalDate& date, int week_start);

}  // namespace todo::recurrence::detail
