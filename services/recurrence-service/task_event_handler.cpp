#include "task_event_handler.hpp"

#include <spdlog/spdlog.h>

#include "events/task_event.hpp"

namespace todo::recurrence {

TaskEventHandler::TaskEventHandler(dapr::Client& dapr, metrics::Registry& registry)
    : dapr_(dapr), registry_(registry) {}

dapr::Outcome TaskEventHandler::operator()(const dapr::CloudEvent& event) {
  const auto parsed = events::parse_task_event(event.data);  // throws PoisonEvent when malformed
  registry_
      .counter("task_events_applied_total", "Task events applied, by action",
               {{"action", parsed.action}})
      .inc();
  spdlog::debug("task event {} ({}) for task {}", event.id, parsed.action, parsed.task_id);
  (void)dapr_;
  return dapr::Outcome::kSuccess;
}

}  // namespace todo::recurrence
