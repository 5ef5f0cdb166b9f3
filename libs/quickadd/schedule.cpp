#include "quickadd/schedule.hpp"

#include "quickadd/rule_text.hpp"
#include "recurrence/expansion.hpp"
#include "time/calendar.hpp"

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;

// The rule that finds the first day a series may start on: the typed pattern with interval 1
// and no end (the interval counts from the first due, which is what this finds).
std::optional<std::string> probe_rule(const Match& rule, const std::vector<seconds>& times) {
  recurrence::Preset probe = rule.preset;
  probe.interval = 1;
  probe.until.reset();
  probe.count.reset();
  auto rrule = rule_text(rule, probe, times);
  if (rrule && rule.yearly_month) {
    *rrule += ";BYMONTH=" + std::to_string(*rule.yearly_month) +
              ";BYMONTHDAY=" + std::to_string(rule.yearly_day);
  }
  return rrule;
}

}  // namespace

std::optional<time::LocalDue> one_off_due(const std::optional<time::LocalDate>& date,
                                          const std::optional<seconds>& time_of_day,
                                          const Context& ctx) {
  if (date) return time::LocalDue{*date, time_of_day};
  if (!time_of_day) return std::nullopt;
  const bool ahead = *time_of_day > ctx.time_of_day;
  return time::LocalDue{ahead ? ctx.today : time::add_days(ctx.today, 1), time_of_day};
}

std::optional<time::LocalDue> first_occurrence(const Match& rule,
                                               const std::optional<time::LocalDate>& start,
                                               const std::optional<seconds>& time_of_day,
                                               const Context& ctx, const std::string& zone,
                                               const std::vector<seconds>& times) {
  const time::LocalDate from = start && ctx.today < *start ? *start : ctx.today;
  const bool from_today = from == ctx.today;
  if (rule.every_minutes > 0 && !time_of_day) {  // "every hour": from now, to the minute
    return time::LocalDue{from, seconds{ctx.time_of_day.count() / 60 * 60}};
  }
  if (!rule.selects_days && times.size() > 1) {
    for (seconds t : times) {
      if (!from_today || t >= ctx.time_of_day) return time::LocalDue{from, t};
    }
    return time::LocalDue{time::add_days(from, 1), times.front()};
  }
  if (!rule.selects_days) {
    if (!time_of_day || !from_today || *time_of_day >= ctx.time_of_day) {
      return time::LocalDue{from, time_of_day};
    }
    return time::LocalDue{time::add_days(from, 1), time_of_day};
  }
  // Anchored the day before `from`, so the anchor itself (always an occurrence, RFC 5545) is
  // never the answer; `after` keeps what is at or after now, or on or after `from`.
  const time::LocalDue anchor{time::add_days(from, -1), time_of_day};
  time::LocalDue after{time::add_days(from, -1), std::nullopt};  // a date stands for its whole day
  if (time_of_day && from_today) {
    after = ctx.time_of_day.count() > 0
                ? time::LocalDue{ctx.today, ctx.time_of_day - seconds{1}}
                : time::LocalDue{time::add_days(ctx.today, -1), seconds{86399}};
  }
  try {
    const auto probe = probe_rule(rule, times);
    if (!probe) return std::nullopt;
    const auto found = recurrence::expand(*probe, recurrence::Anchor{anchor, zone}, 1, after);
    if (found.empty()) return std::nullopt;
    return found.front();
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

recurrence::Preset preset_for(const Match& rule, const time::LocalDue& first) {
  recurrence::Preset preset = rule.preset;
  if (preset.kind == recurrence::PresetKind::monthly && !rule.selects_days) {
    preset.month_day = static_cast<int>(first.date.day);
  }
  return preset;
}

}  // namespace todo::quickadd::detail
