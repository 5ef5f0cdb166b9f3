#pragma once
// Applies commands from task-commands. A repeated command is a no-op answered SUCCESS; a
// command that can never apply is DROP (dead-lettered); a database hiccup is RETRY.
#include "app/task_operations.hpp"
#include "dapr/subscriber.hpp"
#include "metrics/metrics.hpp"

namespace todo::tasksvc {

class CommandHandler {
 public:
  CommandHandler(TaskOperations& ops, metrics::Registry& registry);
  dapr::Outcome operator()(const dapr::CloudEvent& event);

 private:
  TaskOperations& ops_;
  metrics::Registry& registry_;
};

}  // namespace todo::tasksvc
