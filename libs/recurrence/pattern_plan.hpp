#pragma once
// Internal: what libical is asked to iterate for a rule, and what we do with its answers, where
// libical 3.0.16 would otherwise get the rule wrong (each found by comparing it with the RFC and
// python-dateutil; the tests pin them):
// - BY lists of numbers are sorted: libical walks BYHOUR=16,6 in the order written and its
//   times then go backwards.
// - BYMONTHDAY and BYYEARDAY with FREQ=DAILY or finer are checked by us: libical never matches
//   their negative values (BYMONTHDAY=-1, the last day of the month) at these frequencies.
// - FREQ=WEEKLY with INTERVAL > 1: libical 3.0 aligns the weeks wrongly when WKST is not Monday
//   (FREQ=WEEKLY;INTERVAL=12;BYDAY=MO;WKST=WE from a Friday skips the Monday of DTSTART's week).
//   libical iterates every week and we keep every INTERVAL-th week, counted in WKST weeks from
//   DTSTART's.
// - FREQ=YEARLY with BYWEEKNO: libical returns wrong days for weeks 1, 53 and -1 (a Tuesday for
//   BYWEEKNO=1;BYDAY=MO, out of order; no Friday of the last week in some years) and a weekday
//   unrelated to DTSTART when BYDAY is absent. We iterate FREQ=WEEKLY on the weekdays (DTSTART's
//   when BYDAY is absent, as the RFC takes missing parts from DTSTART) and keep the days whose
//   RFC 5545 week number (per WKST) is listed, checking BYMONTH, BYMONTHDAY, BYYEARDAY and the
//   INTERVAL (in calendar years from DTSTART's) ourselves.
// - FREQ=YEARLY with BYMONTHDAY but no BYMONTH: libical only looks in DTSTART's month; RFC 5545
//   expands the year into every month's days (as python-dateutil and rrule.js do). Without BYDAY
//   we add BYMONTH=1,...,12; with BYDAY (which then limits, and whose ordinals count in the year)
//   libical expands BYDAY and we check BYMONTHDAY.
// - BYSETPOS (FREQ=MONTHLY or YEARLY only, see validate_rrule) is applied by us to each month's
//   or year's set: libical counts a day twice when two BY values name it (BYMONTHDAY=29,-3 in
//   August) and then picks the wrong position. To see the whole first period, libical starts at
//   its first day (DTSTART's time of day), with the parts it would have taken from DTSTART
//   written out; our walk drops what comes before DTSTART.
#include <string>
#include <vector>

#include "recurrence/rrule_parts.hpp"
#include "recurrence/rule_spec.hpp"
#include "time/calendar.hpp"
#include "time/local_due.hpp"

namespace todo::recurrence::detail {

struct PatternPlan {
  std::string pattern;   // what libical iterates (no COUNT, UNTIL or BYSETPOS)
  RRuleParts parts;      // the parts of `pattern`
  time::LocalDue start;  // libical's DTSTART: the rule's, or the first day of its period
  // Our own checks on each of libical's dates; empty lists check nothing.
  std::vector<int> week_numbers;  // BYWEEKNO, per `week_start`
  time::Weekday week_start = time::Weekday::monday;
  std::vector<int> months;
  std::vector<int> month_days;
  std::vector<int> year_days;
  int year_interval = 1;  // keep dates whose calendar year is start_year + k * year_interval
  int start_year = 0;
  int week_interval = 1;  // keep dates whose week (per week_start) is start_week + k * interval
  time::SysDays start_week{};  // the first day of DTSTART's week
  // BYSETPOS, applied to each month's (set_period_months) or year's set of admitted times.
  std::vector<int> set_positions;
  bool set_period_months = false;

  bool admits(const time::LocalDate& date) const;
};

PatternPlan plan_pattern(const RuleSpec& rule, const time::LocalDue& dtstart);

}  // namespace todo::recurrence::detail
