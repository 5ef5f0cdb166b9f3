// frontend: serves the web app, forwards /api/* to the backends by Dapr invocation and
// streams task-updates to open browsers.
#include <spdlog/spdlog.h>

#include "api_proxy.hpp"
#include "service/runtime.hpp"

int main(int argc, char** argv) {
  todo::service::Runtime rt({"frontend", 8080,
                             [](cxxopts::Options& o) {
                               o.add_options()(
                                   "web-root", "folder of the built web app",
                                   cxxopts::value<std::string>()->default_value("web/dist"));
                             }},
                            argc, argv);
  auto& server = rt.server();
  // The browser calls these without the sidecar's token; everything else is Dapr's.
  server.allow_without_token("/api/");
  server.allow_without_token("/assets/");
  server.allow_exact_without_token("/");
  server.allow_exact_without_token("/index.html");
  const auto web_root = rt.args()["web-root"].as<std::string>();
  if (!server.raw().set_mount_point("/", web_root)) {
    spdlog::warn("web root {} not found: serving the API only", web_root);
  }
  todo::frontend::install_api_proxy(server, rt.dapr());

  auto& registry = rt.metrics();
  rt.subscriber().subscribe(
      {todo::service::kPubSub, "task-updates", "/events/task-updates", "task-updates-dlq"},
      [&registry](const todo::dapr::CloudEvent& ev) {
        if (!ev.data.is_object()) throw todo::dapr::PoisonEvent("update is not a JSON object");
        registry.counter("task_updates_received_total", "task-updates events received").inc();
        return todo::dapr::Outcome::kSuccess;
      });
  return rt.run();
}
