#pragma once
// Calendar arithmetic on local dates, in the proleptic Gregorian calendar that RFC 5545 and
// ISO 8601 count in: month lengths, weekdays and steps by days or months. The one home for it;
// quick add, recurrence and the notification texts all ask here. It holds before 1970 as after.
#include <chrono>
#include <optional>

#include "time/local_due.hpp"

namespace todo::time {

// Whole days, and a day on the UTC time line counted from 1970-01-01: C++20's std::chrono::days
// and sys_days (the same types), which this C++17 build does not have yet.
using Days = std::chrono::duration<long, std::ratio<86400>>;
using SysDays = std::chrono::time_point<std::chrono::system_clock, Days>;

// Monday first, as ISO 8601 and RFC 5545 (MO ... SU) order the week.
enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

bool is_leap_year(int year);
int days_in_month(int year, unsigned month);  // 28-31
int days_in_year(int year);                   // 365 or 366
int day_of_year(const LocalDate& date);       // 1-366

SysDays to_sys_days(const LocalDate& date);
LocalDate to_local_date(SysDays day);

Weekday weekday_of(const LocalDate& date);

LocalDate add_days(const LocalDate& date, long days);

// Adds months, keeping the day when the month reached has it and otherwise taking that month's
// last day: 31 January plus one month is 28 or 29 February ("in 1 month" in quick add).
LocalDate add_months_clamped(const LocalDate& date, int months);

// The first date on or after `from` that falls on `day` (`from` itself when it does).
LocalDate first_on_or_after(const LocalDate& from, Weekday day);

// The last date on or before `date` that falls on `day`: with a week start, the first day of
// the week holding `date`.
LocalDate last_on_or_before(const LocalDate& date, Weekday day);

// The first date on or after `from` whose day of the month is `day_of_month` (1-31). Months
// without that day are skipped: the 31st seen from 28 November is 31 December.
LocalDate first_month_day_on_or_after(const LocalDate& from, unsigned day_of_month);

// The first date on or after `from` that is `month`/`day_of_month`, this year or a later one
// (29 February waits for a leap year). nullopt when no year has it (30 February).
std::optional<LocalDate> first_month_and_day_on_or_after(const LocalDate& from, unsigned month,
                                                         unsigned day_of_month);

}  // namespace todo::time
