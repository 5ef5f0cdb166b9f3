#pragma once
// Applies commands from task-commands (create_occurrence, snooze_task). A repeated command is a
// no-op answered SUCCESS; a command that can never apply is DROP (dead-lettered); a database hiccup
// is RETRY.
#include "app/task_operations.hpp"
#include "dapr/subscriber.hpp"
#include "events/task_command.hpp"
#include "metrics/metrics.hpp"

namespace todo::tasksvc {

class CommandHandler {
 public:
  CommandHandler(TaskOperations& ops, metrics::Registry& registry);
  dapr::Outcome operator()(const dapr::CloudEvent& event);

 private:
  // Each returns the result label: created/duplicate/user_gone, or snoozed/task_gone/...
  std::string create_occurrence(const events::CreateOccurrence& command);
  std::string snooze(const events::SnoozeTask& command);

  TaskOperations& ops_;
  metrics::Registry& registry_;
};

}  // namespace todo::tasksvc
