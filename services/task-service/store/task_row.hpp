#pragma once
// Internal: how a task is laid out in the tasks table, both ways. Queries select kTaskColumns and
// read rows with task_from_row; writers bind the text values of task_values.
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "tasks/priority.hpp"
#include "tasks/task.hpp"

namespace todo::tasksvc {

// The select list every task query uses. task_from_row reads these columns by position, so
// queries may append columns after them but never put any before.
// Instants are read as whole epoch seconds, so the session's TimeZone and DateStyle never matter.
extern const char* const kTaskColumns;

// Throws std::runtime_error when a stored value is not a valid task (a bug, not user input).
tasks::Task task_from_row(const pqxx::row& row);

// Stored as smallint 0 (low) .. 3 (urgent): ORDER BY priority DESC puts urgent first.
int priority_to_db(tasks::Priority priority);
tasks::Priority priority_from_db(int value);

// The columns of a task that need conversion, as parameter text (nullopt = NULL). Instants are
// RFC 3339 with "Z", so a ::timestamptz cast reads them the same whatever the session zone.
struct TaskValues {
  std::string priority;   // "0".."3"
  std::string tags;       // a text[] literal
  std::string status;     // "open" | "completed"
  std::string reminders;  // JSON array of the wire shape without the derived "fire_at"
  std::optional<std::string> due_local;  // format_local_due
  std::optional<std::string> due_at;
  std::optional<std::string> rrule;
  std::optional<std::string> recurrence_mode;
  std::optional<std::string> completed_at;
  std::string created_at;
  std::string updated_at;
};
TaskValues task_values(const tasks::Task& task);

}  // namespace todo::tasksvc
