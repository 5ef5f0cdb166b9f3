#include "next_command.hpp"

#include <stdexcept>

#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

namespace todo::recurrence_service {

std::optional<recurrence::NextOccurrence> next_of(const tasks::Task& completed,
                                                  time::Instant completed_at) {
  if (!completed.recurrence || !completed.due || !completed.series_id) {
    throw std::invalid_argument("the task is not a recurring task with a due date");
  }
  recurrence::CompletedOccurrence done;
  done.rrule = completed.recurrence->rrule;
  done.mode = completed.recurrence->mode == tasks::RecurrenceMode::completion
                  ? recurrence::AnchorMode::completion
                  : recurrence::AnchorMode::due;
  done.due = *completed.due;
  done.zone = completed.time_zone;
  done.occurrence_index = completed.occurrence_index;
  done.completed_at = completed_at;
  return recurrence::next_occurrence(done);
}

events::CreateOccurrence make_command(const tasks::Task& completed,
                                      const recurrence::NextOccurrence& next) {
  const time::Instant old_due_at = time::to_utc(*completed.due, completed.time_zone);
  const time::Instant new_due_at = time::to_utc(next.due, completed.time_zone);
  nlohmann::json reminders = nlohmann::json::array();
  for (const tasks::Reminder& reminder : completed.reminders) {
    if (reminder.before) {
      reminders.push_back({{"before", time::format_iso8601_duration(*reminder.before)}});
    } else if (reminder.at) {
      reminders.push_back({{"at", time::format_rfc3339(*reminder.at + (new_due_at - old_due_at))}});
    }
  }
  events::CreateOccurrence command;
  command.user_id = completed.user_id;
  command.series_id = *completed.series_id;
  command.occurrence_index = next.occurrence_index;
  command.parent_id = completed.id;
  command.task = {
      {"title", completed.title},
      {"description", completed.description},
      {"priority", tasks::to_string(completed.priority)},
      {"tags", completed.tags},
      {"due", time::format_local_due(next.due)},
      {"time_zone", completed.time_zone},
      {"reminders", reminders},
      {"recurrence",
       {{"rrule", completed.recurrence->rrule},
        {"mode", tasks::to_string(completed.recurrence->mode)}}},
  };
  return command;
}

}  // namespace todo::recurrence_service
