#pragma once
// The writing side of the transactional outbox: a change and its events commit together.
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <string>

namespace todo::tasksvc {

struct OutboxEvent {
  std::string topic;          // task-events | task-updates
  std::string partition_key;  // the user id: one user's events stay ordered
  std::string type;           // e.g. todo.task.completed.v1
  nlohmann::json payload;
};

// Inserts the event in the caller's transaction and wakes the relay at commit.
// Returns the event id (a UUID): the CloudEvent id consumers deduplicate on.
std::string enqueue(pqxx::work& tx, const OutboxEvent& event);

}  // namespace todo::tasksvc
