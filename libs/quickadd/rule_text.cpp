#include "quickadd/rule_text.hpp"

#include <algorithm>

#include "recurrence/rrule_validation.hpp"

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;

// Positive values first, each in increasing order, then the negative ones (1, 15, -1).
std::vector<int> in_rule_order(std::vector<int> values) {
  std::sort(values.begin(), values.end(), [](int a, int b) {
    if ((a > 0) != (b > 0)) return a > 0;
    return a > 0 ? a < b : a > b;
  });
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

std::string joined(const std::vector<int>& values) {
  std::string text;
  for (int value : values) text += (text.empty() ? "" : ",") + std::to_string(value);
  return text;
}

bool has_extras(const Match& rule) {
  return !rule.nth_weekdays.empty() || !rule.month_days.empty() || !rule.workday_positions.empty();
}

// "every 2 hours", "every 90 minutes".
std::string clock_pattern(int minutes) {
  const bool hours = minutes % 60 == 0;
  const int interval = hours ? minutes / 60 : minutes;
  return std::string(hours ? "FREQ=HOURLY" : "FREQ=MINUTELY") +
         (interval == 1 ? "" : ";INTERVAL=" + std::to_string(interval));
}

// "every! 3 months", "after a month": the day of the month is the completion's, so the rule
// names none (the monthly preset always does).
bool monthly_from_completion(const Match& rule) {
  return rule.completion && rule.preset.kind == recurrence::PresetKind::monthly &&
         !rule.selects_days && !has_extras(rule);
}

// FREQ=MONTHLY with the days of each month the phrase named.
std::string monthly_pattern(const Match& rule, int interval) {
  std::string text = "FREQ=MONTHLY";
  if (interval != 1) text += ";INTERVAL=" + std::to_string(interval);
  if (!rule.nth_weekdays.empty()) {
    auto days = rule.nth_weekdays;
    std::sort(days.begin(), days.end(), [](const auto& a, const auto& b) {
      if ((a.first > 0) != (b.first > 0)) return a.first > 0;
      if (a.first != b.first) return a.first > 0 ? a.first < b.first : a.first > b.first;
      return a.second < b.second;
    });
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::string list;
    for (const auto& [ordinal, day] : days) {
      list += (list.empty() ? "" : ",") + std::to_string(ordinal) + recurrence::to_string(day);
    }
    text += ";BYDAY=" + list;
  } else if (!rule.month_days.empty()) {
    text += ";BYMONTHDAY=" + joined(in_rule_order(rule.month_days));
  } else {
    text += ";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=" + joined(in_rule_order(rule.workday_positions));
  }
  return text;
}

}  // namespace

bool fits_preset(const Match& rule, const std::vector<seconds>& times) {
  return !has_extras(rule) && !monthly_from_completion(rule) && rule.every_minutes == 0 &&
         times.size() < 2;
}

std::optional<std::string> rule_text(const Match& rule, const recurrence::Preset& preset,
                                     const std::vector<seconds>& times) {
  if (fits_preset(rule, times)) return recurrence::to_rrule(preset);
  std::string text;
  if (rule.every_minutes > 0) {
    text = clock_pattern(rule.every_minutes);
  } else if (has_extras(rule)) {
    text = monthly_pattern(rule, preset.interval);
  } else if (monthly_from_completion(rule)) {
    text = "FREQ=MONTHLY";
    if (preset.interval != 1) text += ";INTERVAL=" + std::to_string(preset.interval);
  } else {
    recurrence::Preset pattern = preset;
    pattern.until.reset();
    pattern.count.reset();
    text = recurrence::to_rrule(pattern);
  }
  if (times.size() >= 2) {
    std::vector<int> hours;
    hours.reserve(times.size());
    for (seconds t : times) hours.push_back(static_cast<int>(t.count() / 3600));
    std::sort(hours.begin(), hours.end());
    hours.erase(std::unique(hours.begin(), hours.end()), hours.end());
    text += ";BYHOUR=" + joined(hours) +
            ";BYMINUTE=" + std::to_string(times.front().count() % 3600 / 60);
  }
  text += recurrence::rule_end(preset);
  const auto valid = recurrence::parse_rrule(text);
  if (!valid) return std::nullopt;
  return *valid;
}

}  // namespace todo::quickadd::detail
