#pragma once
// Internal: the rule a recurrence phrase stands for, written as the task will store it. What a
// preset says ("every month on the last friday") is sent as the preset; what it cannot say
// ("every 1st and 3rd tuesday", "every 15th workday", "every day at 8am and 8pm") as the rule
// itself (docs/decisions.md).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// True when `preset` says all of `rule` (with `times`, the times of day it repeats at).
bool fits_preset(const Match& rule, const std::vector<std::chrono::seconds>& times);

// The RRULE of `rule` with the pattern, interval and end of `preset`: the preset's own rule, plus
// the BYDAY ordinals, BYMONTHDAY list or working-day positions (BYSETPOS) of the phrase, and
// BYHOUR/BYMINUTE when it repeats at several `times` of day (which must share their minutes).
// nullopt when the recurrence library refuses the rule (BYSETPOS with BYHOUR).
std::optional<std::string> rule_text(const Match& rule, const recurrence::Preset& preset,
                                     const std::vector<std::chrono::seconds>& times);

}  // namespace todo::quickadd::detail
