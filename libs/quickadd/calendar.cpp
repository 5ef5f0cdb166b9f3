#include "quickadd/calendar.hpp"

#include "recurrence/calendar_math.hpp"

namespace todo::quickadd::detail {

namespace rd = todo::recurrence::detail;

time::LocalDate add_days(const time::LocalDate& date, long days) {
  return rd::civil_from_days(rd::days_from_civil(date) + days);
}

time::LocalDate add_months(const time::LocalDate& date, int months) {
  const int index = date.year * 12 + static_cast<int>(date.month) - 1 + months;
  time::LocalDate out{index / 12, static_cast<unsigned>(index % 12) + 1, date.day};
  const int last = rd::days_in_month(out.year, out.month);
  if (static_cast<int>(out.day) > last) out.day = static_cast<unsigned>(last);
  return out;
}

int weekday_of(const time::LocalDate& date) {
  return rd::weekday_index(date);
}

time::LocalDate next_weekday(const time::LocalDate& from, int weekday) {
  return add_days(from, (weekday - weekday_of(from) + 7) % 7);
}

time::LocalDate next_month_day(const time::LocalDate& from, int day) {
  time::LocalDate month_start{from.year, from.month, 1};
  for (int step = 0;; ++step) {
    const time::LocalDate month = add_months(month_start, step);
    if (day > rd::days_in_month(month.year, month.month)) continue;
    const time::LocalDate candidate{month.year, month.month, static_cast<unsigned>(day)};
    if (!(candidate < from)) return candidate;
  }
}

std::optional<time::LocalDate> next_month_and_day(const time::LocalDate& from, unsigned month,
                                                  int day) {
  for (int year = from.year; year <= from.year + 8; ++year) {
    const time::LocalDate candidate{year, month, static_cast<unsigned>(day)};
    if (time::is_valid_date(candidate) && !(candidate < from)) return candidate;
  }
  return std::nullopt;
}

}  // namespace todo::quickadd::detail
