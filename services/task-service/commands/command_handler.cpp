#include "commands/command_handler.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/except>

#include "events/task_command.hpp"
#include "http/problem.hpp"

namespace todo::tasksvc {

CommandHandler::CommandHandler(TaskOperations& ops, metrics::Registry& registry)
    : ops_(ops), registry_(registry) {}

dapr::Outcome CommandHandler::operator()(const dapr::CloudEvent& event) {
  const std::string kind = events::command_kind(event.data);
  std::string id, result;
  if (kind == "snooze_task") {
    const auto command = events::parse_snooze_task(event.data);
    id = events::command_id(command);
    result = snooze(command);
  } else {
    const auto command = events::parse_create_occurrence(event.data);
    id = events::command_id(command);
    result = create_occurrence(command);
  }
  registry_
      .counter("task_commands_total", "Commands applied, by kind and result",
               {{"kind", kind}, {"result", result}})
      .inc();
  spdlog::info("command {}: {}", id, result);
  return dapr::Outcome::kSuccess;
}

std::string CommandHandler::create_occurrence(const events::CreateOccurrence& command) {
  try {
    return ops_.create_occurrence(command) ? "created" : "duplicate";
  } catch (const http::ProblemError& e) {
    // The carried task does not validate: it never will.
    throw dapr::PoisonEvent(std::string("invalid occurrence: ") + e.what());
  } catch (const pqxx::foreign_key_violation&) {
    return "user_gone";  // the account was deleted meanwhile: nothing left to create
  } catch (const pqxx::data_exception& e) {
    throw dapr::PoisonEvent(std::string("invalid occurrence data: ") + e.what());
  }
}

std::string CommandHandler::snooze(const events::SnoozeTask& command) {
  try {
    ops_.snooze(command.user_id, command.task_id, {{"until", command.until}});
    return "snoozed";
  } catch (const http::ProblemError& e) {
    // Each answer is final: the task is gone (404), completed (409), or the instant has passed
    // or is out of range (422). Retrying would give the same answer.
    spdlog::info("snooze of task {} not applied: {}", command.task_id, e.what());
    if (e.status() == 404) return "task_gone";
    if (e.status() == 409) return "task_completed";
    return "rejected";
  }
}

}  // namespace todo::tasksvc
