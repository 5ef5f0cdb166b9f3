#include "recurrence/pattern_plan.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "recurrence/presets.hpp"
#include "time/calendar.hpp"
#include "time/week_number.hpp"

namespace todo::recurrence::detail {
namespace {

const char* const kAllMonths = "1,2,3,4,5,6,7,8,9,10,11,12";

void sort_numbers(RRuleParts& parts, const char* name) {
  std::vector<int> values = rrule_numbers(parts, name);
  if (values.empty()) return;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string list;
  for (int value : values) list += (list.empty() ? "" : ",") + std::to_string(value);
  parts[name] = list;
}

std::string join_parts(const RRuleParts& parts) {
  std::string text;
  for (const auto& [name, value] : parts) {
    if (!text.empty()) text += ';';
    text.append(name).append("=").append(value);
  }
  return text;
}

// A value from a BYxxx list matches `value` in a range of `size` (negative: from the end).
bool listed(const std::vector<int>& list, int value, int size) {
  return std::any_of(list.begin(), list.end(),
                     [&](int item) { return item == value || item == value - size - 1; });
}

// Moves a BY list from libical's pattern to our own checks.
std::vector<int> take(RRuleParts& parts, const char* name) {
  std::vector<int> values = rrule_numbers(parts, name);
  parts.erase(name);
  return values;
}

Weekday week_start_of(const RRuleParts& parts) {
  const std::string wkst = parts.count("WKST") ? parts.at("WKST") : "MO";
  for (int index = 0; index < 7; ++index) {
    const auto day = static_cast<Weekday>(index);
    if (wkst == to_string(day)) return day;
  }
  return Weekday::monday;
}

// The first day (per `week_start`) of the week holding `date`.
time::SysDays week_of(const time::LocalDate& date, Weekday week_start) {
  return time::to_sys_days(time::last_on_or_before(date, week_start));
}

void plan_week_interval(PatternPlan& plan, const time::LocalDue& dtstart) {
  plan.week_interval = std::atoi(plan.parts.at("INTERVAL").c_str());
  plan.parts.erase("INTERVAL");
  plan.week_start = week_start_of(plan.parts);
  plan.start_week = week_of(dtstart.date, plan.week_start);
}

void plan_week_numbers(PatternPlan& plan, const time::LocalDue& dtstart) {
  RRuleParts& parts = plan.parts;
  plan.week_numbers = take(parts, "BYWEEKNO");
  plan.months = take(parts, "BYMONTH");
  plan.month_days = take(parts, "BYMONTHDAY");
  plan.year_days = take(parts, "BYYEARDAY");
  plan.year_interval = parts.count("INTERVAL") ? std::atoi(parts.at("INTERVAL").c_str()) : 1;
  parts.erase("INTERVAL");
  plan.week_start = week_start_of(parts);
  // Every week on the listed weekdays (DTSTART's when none are), at the rule's times.
  parts["FREQ"] = "WEEKLY";
  if (!parts.count("BYDAY")) parts["BYDAY"] = to_string(time::weekday_of(dtstart.date));
}

// BYSETPOS: libical starts at the first day of DTSTART's period, so each part it would have
// read from DTSTART is written out (libical 3.0 takes the month and the day of the month from
// its DTSTART when the rule does not give them).
void plan_set_positions(PatternPlan& plan, const time::LocalDue& dtstart) {
  RRuleParts& parts = plan.parts;
  plan.set_positions = take(parts, "BYSETPOS");
  const bool monthly = parts.at("FREQ") == "MONTHLY";
  plan.set_period_months = monthly;
  const bool day_given = parts.count("BYDAY") || parts.count("BYMONTHDAY") ||
                         parts.count("BYYEARDAY") || !plan.month_days.empty();
  if (!day_given) {
    parts["BYMONTHDAY"] = std::to_string(dtstart.date.day);
    if (!monthly && !parts.count("BYMONTH")) parts["BYMONTH"] = std::to_string(dtstart.date.month);
  }
  plan.start = time::LocalDue{
      time::LocalDate{dtstart.date.year, monthly ? dtstart.date.month : 1, 1}, dtstart.time_of_day};
}

}  // namespace

bool PatternPlan::admits(const time::LocalDate& date) const {
  if ((date.year - start_year) % year_interval != 0) return false;
  if (week_interval > 1 &&
      (week_of(date, week_start) - start_week).count() / 7 % week_interval != 0) {
    return false;
  }
  if (!months.empty() && !listed(months, static_cast<int>(date.month), 12)) return false;
  if (!month_days.empty() &&
      !listed(month_days, static_cast<int>(date.day), time::days_in_month(date.year, date.month))) {
    return false;
  }
  if (!year_days.empty() &&
      !listed(year_days, time::day_of_year(date), time::days_in_year(date.year))) {
    return false;
  }
  if (!week_numbers.empty()) {
    const time::WeekNumber week = time::week_number(date, week_start);
    if (!listed(week_numbers, week.week, week.weeks_in_year)) return false;
  }
  return true;
}

PatternPlan plan_pattern(const RuleSpec& rule, const time::LocalDue& dtstart) {
  PatternPlan plan;
  plan.start = dtstart;
  plan.start_year = dtstart.date.year;
  plan.parts = rule.parts;
  RRuleParts& parts = plan.parts;
  parts.erase("COUNT");
  parts.erase("UNTIL");
  const std::string freq = parts.at("FREQ");
  if (freq == "YEARLY" && parts.count("BYWEEKNO")) {
    plan_week_numbers(plan, dtstart);
  } else if (freq == "YEARLY" && parts.count("BYMONTHDAY") && !parts.count("BYMONTH")) {
    if (parts.count("BYDAY")) {
      plan.month_days = take(parts, "BYMONTHDAY");
    } else {
      parts["BYMONTH"] = kAllMonths;
    }
  } else if (freq == "WEEKLY" && parts.count("INTERVAL")) {
    plan_week_interval(plan, dtstart);
  } else if (freq != "YEARLY" && freq != "MONTHLY") {
    plan.month_days = take(parts, "BYMONTHDAY");
    plan.year_days = take(parts, "BYYEARDAY");
  }
  if (parts.count("BYSETPOS")) plan_set_positions(plan, dtstart);
  for (const char* name : {"BYHOUR", "BYMINUTE", "BYSECOND", "BYMONTH"}) sort_numbers(parts, name);
  plan.pattern = join_parts(parts);
  return plan;
}

}  // namespace todo::recurrence::detail
