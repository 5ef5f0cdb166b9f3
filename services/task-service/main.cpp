// task-service: the system of record for users and tasks, its REST API, and the outbox
// that publishes every change to task-events and task-updates.
#include "http/problem.hpp"
#include "service/runtime.hpp"

int main(int argc, char** argv) {
  todo::service::Runtime rt({"task-service", 8081, {}}, argc, argv);
  auto& registry = rt.metrics();
  rt.subscriber().subscribe(
      {todo::service::kPubSub, "task-commands", "/events/task-commands", "task-commands-dlq"},
      [&registry](const todo::dapr::CloudEvent& ev) {
        if (!ev.data.is_object()) throw todo::dapr::PoisonEvent("command is not a JSON object");
        registry.counter("task_commands_received_total", "task commands received").inc();
        return todo::dapr::Outcome::kSuccess;
      });
  rt.server().get("/api/v1/version", [](const httplib::Request&, httplib::Response& res) {
    todo::http::send_json(res, 200, {{"service", "task-service"}, {"api", "v1"}});
  });
  return rt.run();
}
