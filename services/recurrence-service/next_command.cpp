#include "next_command.hpp"

#include <stdexcept>

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
  // Everything the user set carries over; the due moves to the next occurrence's.
  tasks::TaskDraft draft = tasks::draft_of(completed);
  draft.due = next.due;
  draft.due_at = new_due_at;
  draft.reminders.clear();
  for (const tasks::Reminder& reminder : completed.reminders) {
    tasks::Reminder carried;  // no id: the new task numbers its own
    if (reminder.before) {
      carried.before = reminder.before;
    } else if (reminder.at) {
      carried.at = *reminder.at + (new_due_at - old_due_at);
    }
    draft.reminders.push_back(carried);
  }
  events::CreateOccurrence command;
  command.user_id = completed.user_id;
  command.series_id = *completed.series_id;
  command.occurrence_index = next.occurrence_index;
  command.parent_id = completed.id;
  command.task = draft;
  return command;
}

}  // namespace todo::recurrence_service
