#pragma once
// The task, as task-service stores it and as every task event carries it (see task_json.hpp for
// the wire shape).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tasks/priority.hpp"
#include "tasks/reminder.hpp"
#include "tasks/task_recurrence.hpp"
#include "tasks/task_status.hpp"
#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::tasks {

struct Task {
  std::string id;
  std::string user_id;
  std::string title;
  std::string description;
  Priority priority = Priority::medium;
  std::vector<std::string> tags;  // normalized, distinct, in the order given
  TaskStatus status = TaskStatus::open;
  // The due as the user gave it: a local date or date-time in `time_zone`.
  std::optional<time::LocalDue> due;
  std::string time_zone = "UTC";  // IANA name; always set, also without a due
  // `due` as a UTC instant (00:00 local for a date-only due); set exactly when `due` is.
  std::optional<time::Instant> due_at;
  std::vector<Reminder> reminders;
  std::optional<Recurrence> recurrence;
  std::optional<std::string> series_id;  // shared by every occurrence of a recurring series
  std::optional<std::string> parent_id;  // the occurrence this one was created from
  int occurrence_index = 0;              // 0 for a non-recurring task and a series' first task
  std::optional<time::Instant> completed_at;
  time::Instant created_at{};
  time::Instant updated_at{};
  std::int64_t version = 0;  // optimistic concurrency; the store increments it on every change
};

bool operator==(const Task& a, const Task& b);
bool operator!=(const Task& a, const Task& b);

}  // namespace todo::tasks
