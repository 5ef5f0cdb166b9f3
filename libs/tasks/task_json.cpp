#include "tasks/task_json.hpp"

#include <stdexcept>

#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasks {
namespace {

nlohmann::json instant_or_null(const std::optional<time::Instant>& instant) {
  return instant ? nlohmann::json(time::format_rfc3339(*instant)) : nlohmann::json(nullptr);
}

nlohmann::json string_or_null(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json(const Reminder& reminder, const Task& task) {
  nlohmann::json out = {{"id", reminder.id}};
  if (reminder.before) out["before"] = time::format_iso8601_duration(*reminder.before);
  if (reminder.at) out["at"] = time::format_rfc3339(*reminder.at);
  try {
    out["fire_at"] = instant_or_null(reminder_fire_at(reminder, task.due, task.time_zone));
  } catch (const std::invalid_argument&) {
    // A zone the OS database no longer knows: the snapshot must still be written.
    out["fire_at"] = nullptr;
  }
  return out;
}

nlohmann::json to_json(const Task& task) {
  nlohmann::json reminders = nlohmann::json::array();
  for (const Reminder& reminder : task.reminders) reminders.push_back(to_json(reminder, task));
  nlohmann::json recurrence = nullptr;
  if (task.recurrence) {
    recurrence = {{"rrule", task.recurrence->rrule}, {"mode", to_string(task.recurrence->mode)}};
  }
  return {
      {"id", task.id},
      {"user_id", task.user_id},
      {"title", task.title},
      {"description", task.description},
      {"priority", to_string(task.priority)},
      {"tags", task.tags},
      {"status", to_string(task.status)},
      {"due", task.due ? nlohmann::json(time::format_local_due(*task.due)) : nullptr},
      {"time_zone", task.time_zone},
      {"due_at", instant_or_null(task.due_at)},
      {"reminders", reminders},
      {"recurrence", recurrence},
      {"series_id", string_or_null(task.series_id)},
      {"parent_id", string_or_null(task.parent_id)},
      {"occurrence_index", task.occurrence_index},
      {"completed_at", instant_or_null(task.completed_at)},
      {"created_at", time::format_rfc3339(task.created_at)},
      {"updated_at", time::format_rfc3339(task.updated_at)},
      {"version", task.version},
  };
}

}  // namespace todo::tasks
