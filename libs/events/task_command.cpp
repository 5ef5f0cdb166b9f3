#include "events/task_command.hpp"

#include "errors/domain_error.hpp"
#include "time/rfc3339.hpp"

namespace todo::events {

std::string command_id(const CreateOccurrence& c) {
  return "occurrence:" + c.series_id + ":" + std::to_string(c.occurrence_index);
}

nlohmann::json to_json(const CreateOccurrence& c) {
  return {{"command", "create_occurrence"}, {"user_id", c.user_id},
          {"series_id", c.series_id},       {"occurrence_index", c.occurrence_index},
          {"parent_id", c.parent_id},       {"task", tasks::to_create_body(c.task)}};
}

CreateOccurrence parse_create_occurrence(const nlohmann::json& data) {
  if (!data.is_object()) throw errors::MalformedMessage("command payload is not a JSON object");
  auto text = [&](const char* name) {
    auto it = data.find(name);
    if (it == data.end() || !it->is_string() || it->get<std::string>().empty())
      throw errors::MalformedMessage(std::string("command lacks the string field '") + name + "'");
    return it->get<std::string>();
  };
  if (text("command") != "create_occurrence")
    throw errors::MalformedMessage("unknown command '" + data["command"].get<std::string>() + "'");
  CreateOccurrence c;
  c.user_id = text("user_id");
  c.series_id = text("series_id");
  c.parent_id = text("parent_id");
  auto index = data.find("occurrence_index");
  if (index == data.end() || !index->is_number_integer() || index->get<long long>() < 1 ||
      index->get<long long>() > 1000000)
    throw errors::MalformedMessage("occurrence_index must be an integer from 1 to 1000000");
  c.occurrence_index = index->get<int>();
  auto task = data.find("task");
  if (task == data.end() || !task->is_object())
    throw errors::MalformedMessage("command lacks the 'task' object");
  c.task = tasks::read_task_draft(*task);
  return c;
}

std::string command_kind(const nlohmann::json& data) {
  if (!data.is_object()) throw errors::MalformedMessage("command payload is not a JSON object");
  auto it = data.find("command");
  if (it == data.end() || !it->is_string())
    throw errors::MalformedMessage("command lacks 'command'");
  auto kind = it->get<std::string>();
  if (kind != "create_occurrence" && kind != "snooze_task")
    throw errors::MalformedMessage("unknown command '" + kind + "'");
  return kind;
}

nlohmann::json to_json(const SnoozeTask& c) {
  return {{"command", "snooze_task"},
          {"user_id", c.user_id},
          {"task_id", c.task_id},
          {"until", time::format_rfc3339(c.until)},
          {"notification_id", c.notification_id}};
}

SnoozeTask parse_snooze_task(const nlohmann::json& data) {
  if (command_kind(data) != "snooze_task")
    throw errors::MalformedMessage("not a snooze_task command");
  auto text = [&](const char* name) {
    auto it = data.find(name);
    if (it == data.end() || !it->is_string() || it->get<std::string>().empty())
      throw errors::MalformedMessage(std::string("command lacks the string field '") + name + "'");
    return it->get<std::string>();
  };
  SnoozeTask c;
  c.user_id = text("user_id");
  c.task_id = text("task_id");
  const auto until = time::parse_rfc3339(text("until"));
  if (!until.ok()) throw errors::MalformedMessage("'until' is not an RFC 3339 instant");
  c.until = until.value();
  c.notification_id = data.value("notification_id", std::string());
  return c;
}

std::string command_id(const SnoozeTask& c) {
  return "snooze:" + c.task_id + ":" + time::format_rfc3339(c.until);
}

}  // namespace todo::events
