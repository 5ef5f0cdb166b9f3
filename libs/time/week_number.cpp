#include "time/week_number.hpp"

namespace todo::time {
namespace {

// The first day of week 1 of `year`.
SysDays week_one_start(int year, Weekday week_start) {
  return to_sys_days(last_on_or_before(LocalDate{year, 1, 4}, week_start));
}

int whole_weeks(Days span) {
  return static_cast<int>(span.count() / 7);
}

}  // namespace

WeekNumber week_number(const LocalDate& date, Weekday week_start) {
  const SysDays day = to_sys_days(date);
  int week_year = date.year;
  if (day >= week_one_start(week_year + 1, week_start)) {
    ++week_year;
  } else if (day < week_one_start(week_year, week_start)) {
    --week_year;
  }
  const SysDays first = week_one_start(week_year, week_start);
  const SysDays next = week_one_start(week_year + 1, week_start);
  return WeekNumber{week_year, whole_weeks(day - first) + 1, whole_weeks(next - first)};
}

}  // namespace todo::time
