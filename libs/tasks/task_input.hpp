#pragma once
// Validation of task create and update (PATCH) bodies. Every problem of a body is collected and
// answered at once: errors::ValidationFailed listing {field, message} pairs (the API answers it
// as 422 "Validation failed" with an "errors" list). Field names are JSON paths. Unknown members
// are errors; so are read-only ones (id, status, version, ...).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tasks/task.hpp"
#include "time/instant.hpp"

namespace todo::tasks {

// A validated create body, ready to be stored.
struct TaskDraft {
  std::string title;  // trimmed
  std::string description;
  Priority priority = Priority::medium;
  std::vector<std::string> tags;  // normalized, distinct
  std::optional<time::LocalDue> due;
  std::string time_zone;
  std::optional<time::Instant> due_at;  // due in time_zone, computed
  std::vector<Reminder> reminders;      // every one with an id
  std::optional<Recurrence> recurrence;
};

// Members: title (required), description, priority (default medium), tags, due (local date or
// date-time in the task's zone), time_zone (default `user_time_zone`), reminders, recurrence.
// null for an optional member means "not given". Absolute reminders must lie after `now` and at
// most 5 years ahead; relative reminders and a recurrence need a due.
TaskDraft parse_task_create(const nlohmann::json& body, const std::string& user_time_zone,
                            time::Instant now);

// A draft another service wrote with to_create_body (the next occurrence of a series): the same
// member checks as parse_task_create, time_zone defaulting to UTC, but none of the rules across
// members, some of which need the clock: the receiver runs check_draft_rules when it applies the
// draft. Reminder ids are kept as given (none, from to_create_body).
TaskDraft read_task_draft(const nlohmann::json& body);

// The rules across members parse_task_create checks: relative reminders and a recurrence need a
// due, absolute reminders lie in (now, now + 5 years]. Throws errors::ValidationFailed.
void check_draft_rules(const TaskDraft& draft, time::Instant now);

// The draft a task was made from (the inverse of task_from_draft): what a copy of it holds.
TaskDraft draft_of(const Task& task);

// The create body of a draft, the inverse of read_task_draft: title, description, priority,
// tags, due, time_zone, reminders ({"before"} or {"at"}, without ids: the receiving task numbers
// its own), recurrence.
nlohmann::json to_create_body(const TaskDraft& draft);

// The new task for a draft: status open, created_at = updated_at = now, version 1. A recurring
// draft starts its own series: series_id = id, occurrence_index 0, no parent.
Task task_from_draft(const TaskDraft& draft, const std::string& id, const std::string& user_id,
                     time::Instant now);

// A validated PATCH body. Outer optional: the member was present. For due and recurrence the
// inner optional is the new value, nullopt meaning null (clear it). description, tags and
// reminders given as null become "", [] and [].
struct TaskPatch {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<Priority> priority;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::optional<time::LocalDue>> due;
  std::optional<std::string> time_zone;
  std::optional<std::vector<Reminder>> reminders;  // replaces the list; ids may be missing
  std::optional<std::optional<Recurrence>> recurrence;

  bool empty() const;
};

// Checks each member on its own (types, formats, lengths). null for title, priority or time_zone
// is an error: they cannot be cleared. Rules that need the task or the clock wait for
// apply_patch.
TaskPatch parse_task_patch(const nlohmann::json& body);

// Applies a patch all-or-nothing: on any problem it throws the 422 and leaves `task` untouched.
// Re-checks the cross-field rules on the result (a relative reminder or a recurrence without a
// due, an absolute reminder outside (now, now + 5 years] unless the task already had it),
// recomputes due_at from the local due in the (possibly new) zone, gives new reminders ids
// (assign_reminder_ids, keeping given ids and matching triggers), and sets updated_at = now.
// The version is left to the store, which increments it when it writes.
void apply_patch(Task& task, const TaskPatch& patch, time::Instant now);

}  // namespace todo::tasks
