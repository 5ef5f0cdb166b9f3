#include "task_event_handler.hpp"

#include <spdlog/spdlog.h>

#include "dapr/client.hpp"
#include "events/task_event.hpp"
#include "tasks/task_json.hpp"
#include "time/rfc3339.hpp"

namespace todo::recurrence_service {

TaskEventHandler::TaskEventHandler(ProgressStore& store, CommandSender& sender,
                                   metrics::Registry& registry)
    : store_(store), sender_(sender), registry_(registry) {}

dapr::Outcome TaskEventHandler::operator()(const dapr::CloudEvent& event) {
  const auto parsed =
      events::parse_task_event(event.data);  // throws errors::MalformedMessage when malformed
  registry_
      .counter("task_events_applied_total", "Task events applied, by action",
               {{"action", parsed.action}})
      .inc();
  if (parsed.action != "completed") return dapr::Outcome::success;

  tasks::Task task;
  try {
    task = tasks::task_from_json(parsed.task);
  } catch (const std::invalid_argument& e) {
    throw errors::MalformedMessage(std::string("task snapshot: ") + e.what());
  }
  if (!task.recurrence || !task.due || !task.series_id) return dapr::Outcome::success;

  const time::Instant completed_at = task.completed_at.value_or(time::instant_now());
  CompletionResult result;
  try {
    result = handle_completion(task, completed_at, store_, sender_);
  } catch (const dapr::WriteConflict&) {
    // Another delivery decided for this series at the same moment; the retry will find its
    // decision and act on it.
    spdlog::info("series {}: concurrent decision, retrying event {}", *task.series_id, event.id);
    return dapr::Outcome::retry;
  } catch (const std::invalid_argument& e) {
    // A rule or zone this build cannot evaluate will not get better by retrying.
    throw errors::MalformedMessage(std::string("cannot compute the next occurrence: ") + e.what());
  }
  registry_
      .counter("recurrence_completions_total", "Completions of recurring tasks, by result",
               {{"result", to_string(result)}})
      .inc();
  spdlog::info("series {}: occurrence {} completed: {}", *task.series_id, task.occurrence_index,
               to_string(result));
  return dapr::Outcome::success;
}

}  // namespace todo::recurrence_service
