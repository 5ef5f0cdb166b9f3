#include "recurrence/calendar_math.hpp"

namespace todo::recurrence::detail {
namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// The first day of week 1 of `year`: the week start on or before 4 January.
long week_one_start(int year, int week_start) {
  const time::LocalDate fourth{year, 1, 4};
  const long day = days_from_civil(fourth);
  return day - (weekday_index(fourth) - week_start + 7) % 7;
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
long days_from_civil(const time::LocalDate& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long m = static_cast<long>(date.month);
  const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<long>(date.day) - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

time::LocalDate civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return time::LocalDate{static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

int weekday_index(const time::LocalDate& date) {
  const long days = days_from_civil(date);  // 1970-01-01 was a Thursday (index 3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int days_in_month(int year, unsigned month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

int days_in_year(int year) {
  return is_leap(year) ? 366 : 365;
}

int day_of_year(const time::LocalDate& date) {
  return static_cast<int>(days_from_civil(date) - days_from_civil({date.year, 1, 1})) + 1;
}

WeekNumber week_number(const time::LocalDate& date, int week_start) {
  const long day = days_from_civil(date);
  int week_year = date.year;
  if (day >= week_one_start(week_year + 1, week_start)) {
    ++week_year;
  } else if (day < week_one_start(week_year, week_start)) {
    --week_year;
  }
  const long first = week_one_start(week_year, week_start);
  const long next = week_one_start(week_year + 1, week_start);
  return WeekNumber{week_year, static_cast<int>((day - first) / 7) + 1,
                    static_cast<int>((next - first) / 7)};
}

}  // namespace todo::recurrence::detail
