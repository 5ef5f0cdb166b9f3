#include "recurrence/libical_iterator.hpp"

#include <libical/ical.h>

#include "recurrence/libical_guard.hpp"

namespace todo::recurrence::detail {
namespace {

// libical's iterator refuses to go past this year (MAX_TIME_T_YEAR with a 64-bit time_t).
constexpr int kLibicalLastYear = 2582;

icaltimetype to_ical(const time::LocalDue& wall, bool date_value) {
  icaltimetype t = icaltime_null_time();  // zone null: floating local time
  t.year = wall.date.year;
  t.month = static_cast<int>(wall.date.month);
  t.day = static_cast<int>(wall.date.day);
  t.is_date = date_value ? 1 : 0;
  if (!date_value) {
    const long long seconds = wall.time_of_day.value_or(std::chrono::seconds{0}).count();
    t.hour = static_cast<int>(seconds / 3600);
    t.minute = static_cast<int>(seconds / 60 % 60);
    t.second = static_cast<int>(seconds % 60);
  }
  return t;
}

time::LocalDue from_ical(const icaltimetype& t) {
  time::LocalDue wall{
      time::LocalDate{t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)},
      std::nullopt};
  if (!t.is_date) wall.time_of_day = std::chrono::seconds{t.hour * 3600 + t.minute * 60 + t.second};
  return wall;
}

icaltimetype horizon_time(icaltimetype start, std::chrono::seconds span) {
  constexpr long long kDay = 86400;
  icaltime_adjust(&start, static_cast<int>(span.count() / kDay), 0, 0,
                  start.is_date ? 0 : static_cast<int>(span.count() % kDay));
  if (start.year > kLibicalLastYear) {
    start.year = kLibicalLastYear;
    start.month = 12;
    start.day = 31;
    start.hour = 23;
    start.minute = 59;
    start.second = 59;
  }
  return start;
}

}  // namespace

LibicalIterator::LibicalIterator(const std::string& pattern, const time::LocalDue& start,
                                 bool date_values, std::chrono::seconds span) {
  make_libical_quiet();
  icalerror_clear_errno();
  icalrecurrencetype rule = icalrecurrencetype_from_string(pattern.c_str());
  // The pattern has no UNTIL of its own: libical's UNTIL becomes our horizon, which libical
  // checks after every candidate (so a rule that never matches still ends there).
  const icaltimetype first = to_ical(start, date_values);
  rule.until = horizon_time(first, span);
  horizon_ = from_ical(rule.until);
  if (rule.rscale != nullptr) {
    // Only set for RFC 7529 RSCALE, which validate_rrule refuses; never iterate such a rule.
    icalmemory_free_buffer(rule.rscale);
  } else if (icalerrno == ICAL_NO_ERROR && rule.freq != ICAL_NO_RECURRENCE) {
    // Null when DTSTART is out of libical's range or no period up to the year 20000 has a match.
    iterator_ = icalrecur_iterator_new(rule, first);
  }
  icalerror_clear_errno();
}

LibicalIterator::~LibicalIterator() {
  if (iterator_ != nullptr) icalrecur_iterator_free(iterator_);
}

std::optional<time::LocalDue> LibicalIterator::next() {
  if (iterator_ == nullptr) return std::nullopt;
  const icaltimetype t = icalrecur_iterator_next(iterator_);
  icalerror_clear_errno();
  if (icaltime_is_null_time(t)) return std::nullopt;
  return from_ical(t);
}

}  // namespace todo::recurrence::detail
