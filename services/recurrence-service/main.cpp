// recurrence-service: watches task-events and, when a recurring task is completed, asks
// task-service (on task-commands) to create the next occurrence.
#include "dapr_adapters.hpp"
#include "events/topics.hpp"
#include "ports/ports.hpp"
#include "service/runtime.hpp"
#include "task_event_handler.hpp"

int main(int argc, char** argv) {
  using namespace todo;
  service::Runtime rt({"recurrence-service", ports::kRecurrenceService.port, {}}, argc, argv);
  rt.require_state_store();
  dapr::DaprStateStore state(rt.dapr(), service::kStateStore);
  recurrence_service::StateProgressStore store(state);
  recurrence_service::DaprCommandSender sender(rt.publisher(), rt.name());
  recurrence_service::TaskEventHandler handler(store, sender, rt.metrics());
  rt.subscriber().subscribe(events::subscription_to(service::kPubSub, events::kTaskEventsTopic),
                            [&handler](const dapr::CloudEvent& ev) { return handler(ev); });
  return rt.run();
}
