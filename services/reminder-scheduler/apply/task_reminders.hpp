#pragma once
// What a task, as a task event shows it, asks of the scheduler.
#include <cstddef>
#include <string>
#include <vector>

#include "firing/firing.hpp"
#include "tasks/task.hpp"

namespace todo::reminder_scheduler {

// Reminder events carry the start of the description, not all of it (up to 10,000 code points):
// enough for a notification, and it keeps the schedule small.
inline constexpr std::size_t kExcerptCodePoints = 200;

// The firings the task wants now: for an open task, one per reminder that has an instant (a
// "before" reminder of a task without a due has none); for a completed or deleted task, none.
// Throws std::invalid_argument when the task's zone is unknown.
std::vector<PlannedFiring> desired_firings(const tasks::Task& task, bool deleted);

TaskSummary summarize(const tasks::Task& task);

}  // namespace todo::reminder_scheduler
