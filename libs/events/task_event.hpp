#pragma once
// The task event contract (proto/todo/v1/events.proto, TaskEvent): what task-service
// publishes on task-events for every create/update/complete/reopen/delete.
#include <nlohmann/json.hpp>
#include <string>

#include "events/topics.hpp"

namespace todo::events {

struct TaskEventView {
  std::string action;   // created | updated | completed | reopened | deleted
  std::string user_id;  // also the Kafka partition key
  std::string task_id;
  nlohmann::json task;  // the full task snapshot after the change
};

// CloudEvent types (the topics: events/topics.hpp).
std::string task_event_type(const std::string& action);   // todo.task.<action>.v1
std::string task_update_type(const std::string& action);  // todo.ui.task.<action>.v1

// The task-events payload: {"action", "user_id", "task": snapshot, "changes": {...},
// "occurred_at"}. `changes` lists what an update changed ({"field": {"from", "to"}}).
nlohmann::json make_task_event(const std::string& action, const std::string& user_id,
                               const nlohmann::json& task, const nlohmann::json& changes,
                               const std::string& occurred_at);

// Validates a task event payload; throws errors::MalformedMessage naming what is wrong.
TaskEventView parse_task_event(const nlohmann::json& data);

bool is_task_action(const std::string& action);

}  // namespace todo::events
