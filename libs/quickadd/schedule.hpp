#pragma once
// Internal: from the recognised date, time and recurrence to the task's due.
#include <optional>
#include <string>
#include <vector>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// The due of a task that does not repeat:
// - a date and a time: that moment; a date alone: that date (a date-only, all-day due);
// - a time alone: today if it is still ahead, else tomorrow;
// - neither: no due.
std::optional<time::LocalDue> one_off_due(const std::optional<time::LocalDate>& date,
                                          const std::optional<std::chrono::seconds>& time_of_day,
                                          const Context& ctx);

// The first due of a series: its first occurrence at or after now (and on or after `start`, the
// date typed with it, if any). A rule without days of its own ("every 2 weeks", "monthly")
// starts on the start date or today (tomorrow when the time has passed); one that picks days
// ("every monday", "on the 1st", "on jan 5") starts on the first of those days. Without a time,
// the series is date-only. With several `times` of day (earliest first; `time_of_day` is the
// earliest), the first is the first of those times that is still ahead. nullopt when the rule
// never matches.
std::optional<time::LocalDue> first_occurrence(
    const Match& rule, const std::optional<time::LocalDate>& start,
    const std::optional<std::chrono::seconds>& time_of_day, const Context& ctx,
    const std::string& zone, const std::vector<std::chrono::seconds>& times = {});

// The preset to store for `rule` with its first due: a monthly rule without a day takes the
// due's day; the rest is as typed (a yearly rule repeats on its due's month and day).
recurrence::Preset preset_for(const Match& rule, const time::LocalDue& first);

}  // namespace todo::quickadd::detail
