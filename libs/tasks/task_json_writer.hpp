#pragma once
// The task JSON of task_json.hpp, written straight into a string. List pages answer up to 200
// tasks; building them as nlohmann::json documents first (a std::map and an allocation per
// member) was most of task-service's CPU per page. The output is the same document that
// to_json(task).dump() gives; a unit test holds the two together.
#include <optional>
#include <string>
#include <vector>

#include "tasks/task.hpp"

namespace todo::tasks {

// Appends the task's JSON object to `out`.
void append_task_json(std::string& out, const Task& task);

// Appends `text` as a JSON string (quotes included). Invalid UTF-8 is replaced by U+FFFD, as
// http::send_json does for documents.
void append_json_string(std::string& out, const std::string& text);

// {"items": [...], "next_cursor": "..." | null}: the answer of a task list.
std::string task_page_json(const std::vector<Task>& items,
                           const std::optional<std::string>& next_cursor);

}  // namespace todo::tasks
