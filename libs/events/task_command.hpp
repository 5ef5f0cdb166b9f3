#pragma once
// Commands to task-service on task-commands (proto/todo/v1/commands.proto).
#include <nlohmann/json.hpp>
#include <string>

namespace todo::events {

// "Create the next occurrence of a series", sent by recurrence-service. Idempotent on
// (series_id, occurrence_index): a repeat creates nothing and still succeeds.
struct CreateOccurrence {
  std::string user_id;
  std::string series_id;
  int occurrence_index = 0;  // of the task to create
  std::string parent_id;     // the completed occurrence
  nlohmann::json task;       // title, description, priority, tags, due, time_zone, reminders,
                             // recurrence: the create-body shape of the API
};

inline constexpr const char* kCreateOccurrenceType = "todo.command.create_occurrence.v1";

// The command id consumers and logs use: stable for one occurrence of one series.
std::string command_id(const CreateOccurrence& c);

nlohmann::json to_json(const CreateOccurrence& c);
// Throws dapr::PoisonEvent naming the problem.
CreateOccurrence parse_create_occurrence(const nlohmann::json& data);

}  // namespace todo::events
