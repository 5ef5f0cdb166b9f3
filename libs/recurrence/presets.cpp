#include "recurrence/presets.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace todo::recurrence {
namespace {

constexpr int kMaxInterval = 999;
constexpr int kMaxCount = 999999999;  // as validate_rrule allows

std::string by_day_list(std::vector<Weekday> days) {
  std::sort(days.begin(), days.end());
  std::string list;
  for (Weekday day : days) list += (list.empty() ? "" : ",") + to_string(day);
  return list;
}

std::string until_value(const time::LocalDate& date) {
  std::string iso = time::format_local_date(date);  // YYYY-MM-DD
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

std::string pattern(const Preset& preset) {
  const std::string interval =
      preset.interval == 1 ? "" : ";INTERVAL=" + std::to_string(preset.interval);
  switch (preset.kind) {
    case PresetKind::daily:
      return "FREQ=DAILY" + interval;
    case PresetKind::weekdays:
      return "FREQ=WEEKLY" + interval + ";BYDAY=MO,TU,WE,TH,FR";
    case PresetKind::weekly:
      return "FREQ=WEEKLY" + interval +
             (preset.days.empty() ? "" : ";BYDAY=" + by_day_list(preset.days));
    case PresetKind::monthly:
      return "FREQ=MONTHLY" + interval + ";BYMONTHDAY=" + std::to_string(preset.month_day);
    case PresetKind::monthly_weekday:
      return "FREQ=MONTHLY" + interval + ";BYDAY=" + std::to_string(preset.ordinal) +
             to_string(preset.weekday);
    case PresetKind::yearly:
      return "FREQ=YEARLY" + interval;
  }
  throw std::invalid_argument("unknown preset kind");
}

}  // namespace

std::string to_string(Weekday day) {
  static const char* const kCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  return kCodes[static_cast<int>(day)];
}

std::optional<std::string> check_preset(const Preset& preset) {
  if (preset.interval < 1 || preset.interval > kMaxInterval) {
    return "'interval' must be a whole number from 1 to " + std::to_string(kMaxInterval);
  }
  if (preset.kind == PresetKind::weekly) {
    std::set<Weekday> seen;
    for (Weekday day : preset.days) {
      if (!seen.insert(day).second) return "'days' lists '" + to_string(day) + "' twice";
    }
  }
  if (preset.kind == PresetKind::monthly &&
      !(preset.month_day == -1 || (preset.month_day >= 1 && preset.month_day <= 31))) {
    return std::string("'day' must be a whole number from 1 to 31, or -1 for the last day");
  }
  if (preset.kind == PresetKind::monthly_weekday &&
      !(preset.ordinal == -1 || (preset.ordinal >= 1 && preset.ordinal <= 5))) {
    return std::string("'ordinal' must be 1 to 5 (first to fifth), or -1 for the last");
  }
  if (preset.until && preset.count) {
    return std::string("'until' and 'count' cannot both be set");
  }
  if (preset.until && !time::is_valid_date(*preset.until)) {
    return "'until' is not a valid date: " + time::format_local_date(*preset.until);
  }
  if (preset.count && (*preset.count < 1 || *preset.count > kMaxCount)) {
    return "'count' must be a whole number from 1 to " + std::to_string(kMaxCount);
  }
  return std::nullopt;
}

std::string to_rrule(const Preset& preset) {
  if (auto problem = check_preset(preset)) throw std::invalid_argument(*problem);
  return pattern(preset) + rule_end(preset);
}

std::string rule_end(const Preset& preset) {
  std::string end;
  if (preset.count) end += ";COUNT=" + std::to_string(*preset.count);
  // A DATE UNTIL: the series ends with that local day, whatever the time of day (our expansion
  // compares a DATE UNTIL by local date).
  if (preset.until) end += ";UNTIL=" + until_value(*preset.until);
  return end;
}

}  // namespace todo::recurrence
