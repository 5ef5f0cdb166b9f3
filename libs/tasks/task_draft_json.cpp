#include "tasks/task_input.hpp"
#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasks {

nlohmann::json to_create_body(const TaskDraft& draft) {
  nlohmann::json reminders = nlohmann::json::array();
  for (const Reminder& reminder : draft.reminders) {
    if (reminder.before) {
      reminders.push_back({{"before", time::format_iso8601_duration(*reminder.before)}});
    } else if (reminder.at) {
      reminders.push_back({{"at", time::format_rfc3339(*reminder.at)}});
    }
  }
  nlohmann::json body = {
      {"title", draft.title},
      {"description", draft.description},
      {"priority", to_string(draft.priority)},
      {"tags", draft.tags},
      {"time_zone", draft.time_zone},
      {"reminders", reminders},
  };
  if (draft.due) body["due"] = time::format_local_due(*draft.due);
  if (draft.recurrence) {
    body["recurrence"] = {{"rrule", draft.recurrence->rrule},
                          {"mode", to_string(draft.recurrence->mode)}};
  }
  return body;
}

}  // namespace todo::tasks
