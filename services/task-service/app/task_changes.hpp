#pragma once
// Records one change of a task in the caller's transaction: the activity entry and the events
// for task-events and task-updates (outbox). Both commit, or neither does, with the change.
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <string>

#include "tasks/task.hpp"

namespace todo::tasksvc {

void record_change(pqxx::work& tx, const std::string& action, const tasks::Task& task,
                   const nlohmann::json& changes);

}  // namespace todo::tasksvc
