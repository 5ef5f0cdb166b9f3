#include "apply/task_reminders.hpp"

#include "text/utf8.hpp"

namespace todo::reminder_scheduler {

std::vector<PlannedFiring> desired_firings(const tasks::Task& task, bool deleted) {
  std::vector<PlannedFiring> firings;
  if (deleted || task.status != tasks::TaskStatus::open) return firings;
  for (const auto& reminder : task.reminders) {
    const auto fire_at = tasks::reminder_fire_at(reminder, task.due, task.time_zone);
    if (fire_at) firings.push_back({reminder.id, *fire_at});
  }
  return firings;
}

TaskSummary summarize(const tasks::Task& task) {
  TaskSummary summary;
  summary.task_id = task.id;
  summary.user_id = task.user_id;
  summary.title = task.title;
  summary.description_excerpt = text::utf8_prefix(task.description, kExcerptCodePoints);
  summary.priority = task.priority;
  summary.due = task.due;
  summary.time_zone = task.time_zone;
  return summary;
}

}  // namespace todo::reminder_scheduler
