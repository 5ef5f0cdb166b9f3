#pragma once
// Task status: open until completed; reopening makes it open again.
#include <optional>
#include <string>

namespace todo::tasks {

enum class TaskStatus { open, completed };

// "open" | "completed"; nullopt for anything else.
std::optional<TaskStatus> parse_task_status(const std::string& text);

std::string to_string(TaskStatus status);

}  // namespace todo::tasks
