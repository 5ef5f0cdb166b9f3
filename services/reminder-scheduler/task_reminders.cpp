#include "task_reminders.hpp"

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
  summary.description_excerpt = utf8_prefix(task.description, kExcerptCodePoints);
  summary.priority = task.priority;
  summary.due = task.due;
  summary.time_zone = task.time_zone;
  return summary;
}

std::string utf8_prefix(const std::string& text, std::size_t max_code_points) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Continuation bytes (10xxxxxx) belong to the character before them.
    const bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_character && count++ == max_code_points) return text.substr(0, i);
  }
  return text;
}

}  // namespace todo::reminder_scheduler
