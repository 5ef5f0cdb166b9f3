#include "commands/command_handler.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/except>

#include "events/task_command.hpp"
#include "http/problem.hpp"

namespace todo::tasksvc {

CommandHandler::CommandHandler(TaskOperations& ops, metrics::Registry& registry)
    : ops_(ops), registry_(registry) {}

dapr::Outcome CommandHandler::operator()(const dapr::CloudEvent& event) {
  const auto command = events::parse_create_occurrence(event.data);
  std::string result;
  try {
    result = ops_.create_occurrence(command) ? "created" : "duplicate";
  } catch (const http::ProblemError& e) {
    // The carried task does not validate: it never will.
    throw dapr::PoisonEvent(std::string("invalid occurrence: ") + e.what());
  } catch (const pqxx::foreign_key_violation&) {
    result = "user_gone";  // the account was deleted meanwhile: nothing left to create
  } catch (const pqxx::data_exception& e) {
    throw dapr::PoisonEvent(std::string("invalid occurrence data: ") + e.what());
  }
  registry_.counter("task_commands_total", "Commands applied, by result", {{"result", result}})
      .inc();
  spdlog::info("command {}: {}", events::command_id(command), result);
  return dapr::Outcome::kSuccess;
}

}  // namespace todo::tasksvc
