#pragma once
// Week numbers as RFC 5545 counts them (BYWEEKNO), with weeks starting on any weekday (WKST):
// week 1 is the first week with at least four days in the calendar year, the one holding
// 4 January. With weeks starting on Monday these are ISO 8601 week numbers.
#include "time/calendar.hpp"
#include "time/local_due.hpp"

namespace todo::time {

struct WeekNumber {
  int week_year;      // the year the week belongs to (may differ from the date's year)
  int week;           // 1-53
  int weeks_in_year;  // 52 or 53
};

WeekNumber week_number(const LocalDate& date, Weekday week_start);

}  // namespace todo::time
