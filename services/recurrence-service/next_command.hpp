#pragma once
// What recurrence-service asks task-service to create when a recurring task is completed: the
// next task of the series, carrying over everything the user set on the completed one.
#include <optional>

#include "events/task_command.hpp"
#include "recurrence/next_occurrence.hpp"
#include "tasks/task.hpp"

namespace todo::recurrence_service {

// The next occurrence of `completed`'s series, or nullopt when the series has ended.
// Precondition: `completed` is recurring (recurrence, due and series id set). Throws
// std::invalid_argument when its rule or zone cannot be evaluated.
std::optional<recurrence::NextOccurrence> next_of(const tasks::Task& completed,
                                                  time::Instant completed_at);

// The create-occurrence command for `next`: title, description, priority, tags, the same rule
// and mode, the new due in the same zone, and reminders carried over. A relative reminder
// ("15 minutes before") stays relative; an absolute one moves by as much as the due moved, so
// "the evening before" stays the evening before.
events::CreateOccurrence make_command(const tasks::Task& completed,
                                      const recurrence::NextOccurrence& next);

}  // namespace todo::recurrence_service
