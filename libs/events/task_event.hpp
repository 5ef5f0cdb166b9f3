#pragma once
// The task event contract (proto/todo/v1/events.proto, TaskEvent): what task-service
// publishes on task-events for every create/update/complete/reopen/delete.
#include <nlohmann/json.hpp>
#include <string>

namespace todo::events {

struct TaskEventView {
  std::string action;   // created | updated | completed | reopened | deleted
  std::string user_id;  // also the Kafka partition key
  std::string task_id;
  nlohmann::json task;  // the full task snapshot after the change
};

// Validates a task event payload; throws dapr::PoisonEvent naming what is wrong.
TaskEventView parse_task_event(const nlohmann::json& data);

bool is_task_action(const std::string& action);

}  // namespace todo::events
