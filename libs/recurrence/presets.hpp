#pragma once
// The recurrence presets the UI offers ("every weekday", "every 2 weeks on Monday and
// Wednesday", "monthly on the last Friday"), each mapped to one RRULE string. A preset never says
// more than its rule: the rule is what is stored and expanded.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "time/calendar.hpp"
#include "time/local_due.hpp"
#include "time/parse_result.hpp"

namespace todo::recurrence {

// The calendar's weekday (Monday first, as RRULE lists MO ... SU).
using Weekday = time::Weekday;

enum class PresetKind {
  daily,            // FREQ=DAILY
  weekdays,         // FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
  weekly,           // FREQ=WEEKLY;BYDAY=<days> (no days: the anchor's weekday)
  monthly,          // FREQ=MONTHLY;BYMONTHDAY=<month_day> (-1: the last day)
  monthly_weekday,  // FREQ=MONTHLY;BYDAY=<ordinal><weekday> (2TU, -1FR)
  yearly,           // FREQ=YEARLY (on the anchor's month and day)
};

struct Preset {
  PresetKind kind = PresetKind::daily;
  int interval = 1;                   // every `interval` days / weeks / months / years: 1-999
  std::vector<Weekday> days;          // weekly only; written Monday first, each at most once
  int month_day = 1;                  // monthly only: 1-31 (months without it are skipped), -1
  int ordinal = 1;                    // monthly_weekday only: 1-5, or -1 for the last
  Weekday weekday = Weekday::monday;  // monthly_weekday only
  // Optional end, at most one of them. `until` is inclusive and compared by local date (it is
  // written as a DATE UNTIL); `count` counts occurrences, the first one included.
  std::optional<time::LocalDate> until;
  std::optional<int> count;
};

// "MO" .. "SU", as RRULE spells them.
std::string to_string(Weekday day);

// nullopt when `preset` can be written as a rule, else what is wrong with it (named as the JSON
// field, e.g. "'interval' must be a whole number from 1 to 999").
std::optional<std::string> check_preset(const Preset& preset);

// The RRULE of a preset, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231". Always passes
// validate_rrule. Throws std::invalid_argument with check_preset's message for a bad preset.
std::string to_rrule(const Preset& preset);

// The end of a preset's rule as RRULE parts: ";COUNT=5", ";UNTIL=20261231" or "" (quick add
// appends it to the rules a preset cannot say).
std::string rule_end(const Preset& preset);

// The JSON form: {"preset":"weekly","days":["MO","WE"],"interval":2}, with optional "until"
// ("YYYY-MM-DD") or "count". Fields by preset: every preset takes "interval"; "weekly" takes
// "days"; "monthly" requires "day" (1-31 or -1); "monthly_weekday" requires "weekday" and
// "ordinal" (1-5 or -1). Unknown fields, and fields the preset does not use, are errors; null
// counts as absent. The error names the field.
ParseResult<Preset> parse_preset(const nlohmann::json& body);

// The inverse of parse_preset (defaults left out).
nlohmann::json to_json(const Preset& preset);

}  // namespace todo::recurrence
