#pragma once
// "Remind me again later": a snooze adds one absolute reminder to the task, which reaches
// reminder-scheduler as an ordinary task change. Reminders whose moment has passed (they have
// fired) make room, so snoozing again and again never runs into the reminder limit.
//
// Body, exactly one of:
//   {"for": "PT10M"}                       a duration from now (1 minute to 30 days)
//   {"until": "2026-12-01T18:00:00Z"}      an instant (RFC 3339, in the future, within 5 years)
//   {"until_local": "2026-12-01T18:00"}    a wall time in the task's zone
//   {"preset": "tomorrow_morning"}         09:00 tomorrow in the task's zone
#include <nlohmann/json.hpp>

#include "tasks/task.hpp"
#include "time/instant.hpp"

namespace todo::tasks {

constexpr std::chrono::minutes kMinSnooze{1};
constexpr std::chrono::hours kMaxSnooze{24 * 30};

// The instant the body asks for. Throws errors::ValidationFailed naming the field.
time::Instant parse_snooze(const nlohmann::json& body, const std::string& zone, time::Instant now);

// The same window for an instant given as such (a snooze command): throws
// errors::ValidationFailed (field "until") unless `until` lies in (now, now + 5 years].
void check_snooze_until(time::Instant until, time::Instant now);

// Drops the task's absolute reminders at or before `now` and adds one at `until`, with a fresh
// id. Returns false when it already has a reminder at exactly that instant (nothing to change).
bool apply_snooze(Task& task, time::Instant until, time::Instant now);

}  // namespace todo::tasks
