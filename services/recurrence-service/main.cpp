// recurrence-service: watches task-events and, when a recurring task is completed, asks
// task-service (on task-commands) to create the next occurrence.
#include <spdlog/spdlog.h>

#include "service/runtime.hpp"
#include "task_event_handler.hpp"

int main(int argc, char** argv) {
  todo::service::Runtime rt({"recurrence-service", 8082, {}}, argc, argv);
  rt.require_state_store();
  todo::recurrence::TaskEventHandler handler(rt.dapr(), rt.metrics());
  rt.subscriber().subscribe(
      {todo::service::kPubSub, "task-events", "/events/task-events", "task-events-dlq"},
      [&handler](const todo::dapr::CloudEvent& ev) { return handler(ev); });
  return rt.run();
}
