#pragma once
// A short English summary of a recurrence rule, for lists and previews: "every weekday",
// "every 2 weeks on Monday and Wednesday, until 31 Dec 2026", "every month on the last weekday".
#include <string>

namespace todo::recurrence {

// Describes any rule validate_rrule accepts, without the anchor (so FREQ=YEARLY is just
// "every year": the date comes from the task's due). Unusual combinations get a generic but true
// summary ("every year in week 20 on Monday", "..., only the last match in each month").
// Never throws for a valid rule; throws std::invalid_argument with validate_rrule's message for
// an invalid one.
std::string describe(const std::string& rrule);

}  // namespace todo::recurrence
