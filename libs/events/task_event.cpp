#include "events/task_event.hpp"

#include "errors/domain_error.hpp"

namespace todo::events {

std::string task_event_type(const std::string& action) {
  return "todo.task." + action + ".v1";
}

std::string task_update_type(const std::string& action) {
  return "todo.ui.task." + action + ".v1";
}

nlohmann::json make_task_event(const std::string& action, const std::string& user_id,
                               const nlohmann::json& task, const nlohmann::json& changes,
                               const std::string& occurred_at) {
  nlohmann::json event = {
      {"action", action}, {"user_id", user_id}, {"task", task}, {"occurred_at", occurred_at}};
  if (!changes.is_null() && !changes.empty()) event["changes"] = changes;
  return event;
}

bool is_task_action(const std::string& action) {
  return action == "created" || action == "updated" || action == "completed" ||
         action == "reopened" || action == "deleted";
}

TaskEventView parse_task_event(const nlohmann::json& data) {
  if (!data.is_object()) throw errors::MalformedMessage("task event payload is not a JSON object");
  auto string_member = [&](const nlohmann::json& obj, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end() || !it->is_string() || it->get<std::string>().empty())
      throw errors::MalformedMessage(std::string("task event lacks the string field '") + name +
                                     "'");
    return it->get<std::string>();
  };
  TaskEventView view;
  view.action = string_member(data, "action");
  if (!is_task_action(view.action))
    throw errors::MalformedMessage("unknown task event action '" + view.action + "'");
  view.user_id = string_member(data, "user_id");
  auto task = data.find("task");
  if (task == data.end() || !task->is_object())
    throw errors::MalformedMessage("task event lacks the 'task' snapshot object");
  view.task = *task;
  view.task_id = string_member(view.task, "id");
  return view;
}

}  // namespace todo::events
