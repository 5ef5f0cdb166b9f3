#pragma once
// Internal: the calendar steps quick add takes from "today" ("next friday", "in 2 months",
// "on the 31st"), on local dates in the user's zone.
#include <optional>

#include "time/local_due.hpp"

namespace todo::quickadd::detail {

time::LocalDate add_days(const time::LocalDate& date, long days);

// Adds months, keeping the day when it exists and otherwise taking the month's last day
// ("in 1 month" from 31 January is 28 or 29 February).
time::LocalDate add_months(const time::LocalDate& date, int months);

// 0 = Monday ... 6 = Sunday.
int weekday_of(const time::LocalDate& date);

// The first date on or after `from` that falls on `weekday`.
time::LocalDate next_weekday(const time::LocalDate& from, int weekday);

// The first date on or after `from` whose day of the month is `day` (1-31; months without it
// are skipped, so "the 31st" seen from 28 November is 31 December).
time::LocalDate next_month_day(const time::LocalDate& from, int day);

// The first date on or after `from` that is `month`/`day` (this year or a later one; 29 February
// waits for a leap year). nullopt when no year has it (30 February).
std::optional<time::LocalDate> next_month_and_day(const time::LocalDate& from, unsigned month,
                                                  int day);

}  // namespace todo::quickadd::detail
