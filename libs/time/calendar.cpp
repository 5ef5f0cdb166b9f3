#include "time/calendar.hpp"

// Howard Hinnant's date is the library C++20's calendar types were standardised from: on C++20
// this file swaps date:: for std::chrono:: and nothing else changes.
#include <date/date.h>

#include <algorithm>

namespace todo::time {
namespace {

date::year_month_day to_year_month_day(const LocalDate& local) {
  return date::year_month_day{date::year{local.year}, date::month{local.month},
                              date::day{local.day}};
}

LocalDate from_year_month_day(const date::year_month_day& calendar_date) {
  return LocalDate{static_cast<int>(calendar_date.year()),
                   static_cast<unsigned>(calendar_date.month()),
                   static_cast<unsigned>(calendar_date.day())};
}

date::weekday to_date_weekday(Weekday day) {
  return date::Monday + date::days{static_cast<int>(day)};
}

}  // namespace

bool is_leap_year(int year) {
  return date::year{year}.is_leap();
}

int days_in_month(int year, unsigned month) {
  const date::year_month_day_last last{date::year{year}, date::month_day_last{date::month{month}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

int days_in_year(int year) {
  return is_leap_year(year) ? 366 : 365;
}

int day_of_year(const LocalDate& local) {
  const Days since_new_year = to_sys_days(local) - to_sys_days({local.year, 1, 1});
  return static_cast<int>(since_new_year.count()) + 1;
}

SysDays to_sys_days(const LocalDate& local) {
  return SysDays{date::sys_days{to_year_month_day(local)}.time_since_epoch()};
}

LocalDate to_local_date(SysDays day) {
  return from_year_month_day(date::year_month_day{date::sys_days{day.time_since_epoch()}});
}

Weekday weekday_of(const LocalDate& local) {
  const date::weekday day{date::sys_days{to_year_month_day(local)}};
  return static_cast<Weekday>(day.iso_encoding() - 1);  // ISO 8601 counts Monday as 1
}

LocalDate add_days(const LocalDate& local, long days) {
  return to_local_date(to_sys_days(local) + Days{days});
}

LocalDate add_months_clamped(const LocalDate& local, int months) {
  const date::year_month month =
      date::year_month{date::year{local.year}, date::month{local.month}} + date::months{months};
  const date::day last = (month / date::last).day();
  return from_year_month_day(month / std::min(date::day{local.day}, last));
}

LocalDate first_on_or_after(const LocalDate& from, Weekday day) {
  const date::sys_days start{to_year_month_day(from)};
  // A weekday difference is always 0 to 6 days ahead.
  return from_year_month_day(
      date::year_month_day{start + (to_date_weekday(day) - date::weekday{start})});
}

LocalDate last_on_or_before(const LocalDate& local, Weekday day) {
  const date::sys_days start{to_year_month_day(local)};
  return from_year_month_day(
      date::year_month_day{start - (date::weekday{start} - to_date_weekday(day))});
}

LocalDate first_month_day_on_or_after(const LocalDate& from, unsigned day_of_month) {
  for (date::year_month month{date::year{from.year}, date::month{from.month}};;
       month += date::months{1}) {
    const date::year_month_day candidate = month / date::day{day_of_month};
    if (!candidate.ok()) continue;  // no 31st in November
    const LocalDate found = from_year_month_day(candidate);
    if (!(found < from)) return found;
  }
}

std::optional<LocalDate> first_month_and_day_on_or_after(const LocalDate& from, unsigned month,
                                                         unsigned day_of_month) {
  // Leap days are at most eight years apart (1896, then 1904): a date not found by then never is.
  for (int year = from.year; year <= from.year + 8; ++year) {
    const LocalDate candidate{year, month, day_of_month};
    if (is_valid_date(candidate) && !(candidate < from)) return candidate;
  }
  return std::nullopt;
}

}  // namespace todo::time
