#pragma once
// Commands to task-service on task-commands (proto/todo/v1/commands.proto).
#include <nlohmann/json.hpp>
#include <string>

#include "tasks/task_input.hpp"
#include "time/instant.hpp"

namespace todo::events {

// "Create the next occurrence of a series", sent by recurrence-service. Idempotent on
// (series_id, occurrence_index): a repeat creates nothing and still succeeds.
struct CreateOccurrence {
  std::string user_id;
  std::string series_id;
  int occurrence_index = 0;  // of the task to create
  std::string parent_id;     // the completed occurrence
  // What the new task holds; on the wire the create-body shape of the API
  // (tasks::to_create_body). Its reminders carry no ids, and the rules that need the clock
  // (absolute reminders in the future) are the receiver's to check.
  tasks::TaskDraft task;
};

inline constexpr const char* kCreateOccurrenceType = "todo.command.create_occurrence.v1";

// "Remind me again at `until`", sent by notification-service when a user snoozes a notification.
// Applied like POST /api/v1/tasks/{id}/snooze {"until"}: idempotent, since a task that already
// has a reminder at exactly that instant is left as it is.
struct SnoozeTask {
  std::string user_id;
  std::string task_id;
  time::Instant until;          // RFC 3339 UTC on the wire
  std::string notification_id;  // what the user snoozed (for logs)
};

inline constexpr const char* kSnoozeTaskType = "todo.command.snooze_task.v1";

// "create_occurrence" | "snooze_task"; throws errors::MalformedMessage for anything else.
std::string command_kind(const nlohmann::json& data);

nlohmann::json to_json(const SnoozeTask& c);
// Throws errors::MalformedMessage naming the problem (a missing member, an `until` that is not
// RFC 3339).
SnoozeTask parse_snooze_task(const nlohmann::json& data);
std::string command_id(const SnoozeTask& c);

// The command id consumers and logs use: stable for one occurrence of one series.
std::string command_id(const CreateOccurrence& c);

nlohmann::json to_json(const CreateOccurrence& c);
// Throws errors::MalformedMessage naming the problem.
CreateOccurrence parse_create_occurrence(const nlohmann::json& data);

}  // namespace todo::events
