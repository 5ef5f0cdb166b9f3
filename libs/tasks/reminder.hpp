#pragma once
// Reminders of a task: either some time before the due ({"before": "PT15M"}) or at a fixed
// instant ({"at": "2026-12-01T08:00:00Z"}).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::tasks {

constexpr std::size_t kMaxReminders = 10;

struct Reminder {
  // Stable within its task ("r1", "r2", ... when the service assigns it), so schedulers can key
  // their state on task id + reminder id.
  std::string id;
  // Exactly one of the two is set.
  std::optional<std::chrono::seconds> before;
  std::optional<time::Instant> at;

  bool relative() const { return before.has_value(); }
};

bool operator==(const Reminder& a, const Reminder& b);
bool operator!=(const Reminder& a, const Reminder& b);

// Same trigger (same before, or same at), whatever the ids.
bool same_trigger(const Reminder& a, const Reminder& b);

// When a reminder goes off. An "at" reminder fires at its instant. A "before" reminder fires that
// long before the due time; for a date-only due there is no time to count back from, so it counts
// back from 09:00 local time on the due date in the task's zone (a decision: "1 day before" a task
// due on Friday rings Thursday 09:00, a moment people are awake, not Thursday 00:00).
// nullopt for a "before" reminder of a task without a due (such a reminder is invalid).
std::optional<time::Instant> reminder_fire_at(const Reminder& reminder,
                                              const std::optional<time::LocalDue>& due,
                                              const std::string& time_zone);

// The local time of day relative reminders of date-only tasks count back from.
constexpr std::chrono::seconds kDateOnlyReminderAnchor = std::chrono::hours{9};

// Gives every reminder without an id one. A reminder with the same trigger as one in `previous`
// (the task's reminders before an update) takes over that reminder's id, so re-sending a list
// without ids changes nothing; the others get "r<N>" with N above every number used in either
// list, so an id once deleted is not handed to a different reminder. Given ids are kept as is.
void assign_reminder_ids(std::vector<Reminder>& reminders,
                         const std::vector<Reminder>& previous = {});

}  // namespace todo::tasks
