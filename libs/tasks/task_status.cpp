#include "tasks/task_status.hpp"

namespace todo::tasks {

std::optional<TaskStatus> parse_task_status(const std::string& text) {
  if (text == "open") return TaskStatus::open;
  if (text == "completed") return TaskStatus::completed;
  return std::nullopt;
}

std::string to_string(TaskStatus status) {
  return status == TaskStatus::completed ? "completed" : "open";
}

}  // namespace todo::tasks
