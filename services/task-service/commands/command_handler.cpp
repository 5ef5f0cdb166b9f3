#include "commands/command_handler.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/except>

#include "errors/domain_error.hpp"
#include "events/task_command.hpp"

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
  return dapr::Outcome::success;
}

std::string CommandHandler::create_occurrence(const events::CreateOccurrence& command) {
  // A draft that breaks the rules (errors::ValidationFailed) never will pass them: it goes on
  // to the subscriber, which drops the event to the dead-letter topic.
  try {
    return ops_.create_occurrence(command) ? "created" : "duplicate";
  } catch (const pqxx::foreign_key_violation&) {
    return "user_gone";  // the account was deleted meanwhile: nothing left to create
  } catch (const pqxx::data_exception& e) {
    throw errors::MalformedMessage(std::string("invalid occurrence data: ") + e.what());
  }
}

std::string CommandHandler::snooze(const events::SnoozeTask& command) {
  // Each of these answers is final: the task is gone, completed, or the instant has passed or is
  // out of range. Retrying would give the same answer, so the command is done.
  try {
    ops_.snooze_until(command.user_id, command.task_id, command.until);
    return "snoozed";
  } catch (const errors::NotFound& e) {
    spdlog::info("snooze of task {} not applied: {}", command.task_id, e.what());
    return "task_gone";
  } catch (const errors::Conflict& e) {
    spdlog::info("snooze of task {} not applied: {}", command.task_id, e.what());
    return "task_completed";
  } catch (const errors::ValidationFailed& e) {
    spdlog::info("snooze of task {} not applied: {}", command.task_id, e.what());
    return "rejected";
  }
}

}  // namespace todo::tasksvc
