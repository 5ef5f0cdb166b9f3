// frontend: serves the web app, forwards /api/* to the backends by Dapr invocation and
// streams task-updates to open browsers (docs/frontend.md).
#include <spdlog/spdlog.h>

#include "api_proxy.hpp"
#include "event_hub.hpp"
#include "event_stream.hpp"
#include "security_headers.hpp"
#include "service/runtime.hpp"
#include "web_app.hpp"

int main(int argc, char** argv) {
  todo::service::Runtime rt(
      {"frontend", 8080,
       [](cxxopts::Options& o) {
         // clang-format off
         o.add_options()
           ("web-root", "folder of the built web app",
            cxxopts::value<std::string>()->default_value("web/dist"))
           ("max-streams", "live-update streams held at once (each holds an HTTP worker thread)",
            cxxopts::value<int>()->default_value("256"))
           ("max-in-flight", "API calls forwarded at once; more are answered 503 at once",
            cxxopts::value<int>()->default_value("64"))
           ("replay-events", "events kept per user for streams that reconnect",
            cxxopts::value<int>()->default_value("1000"))
           ("replay-seconds", "how long those events are kept",
            cxxopts::value<int>()->default_value("300"));
         // clang-format on
       }},
      argc, argv);
  auto& server = rt.server();
  // cpp-httplib gives each connection a worker thread for its whole life, and a live stream
  // never ends: the pool is the API workers plus one per allowed stream.
  const int max_streams = rt.args()["max-streams"].as<int>();
  const int pool = rt.args()["threads"].as<int>() + max_streams;
  server.raw().new_task_queue = [pool] { return new httplib::ThreadPool(pool); };

  server.allow_without_token("/api/");
  server.decorate_responses(todo::frontend::add_security_headers);
  const auto web_root = rt.args()["web-root"].as<std::string>();

  todo::frontend::HubOptions hub_options;
  hub_options.max_streams = static_cast<size_t>(max_streams);
  hub_options.ring_capacity = static_cast<size_t>(rt.args()["replay-events"].as<int>());
  hub_options.ring_max_age = std::chrono::seconds(rt.args()["replay-seconds"].as<int>());
  todo::frontend::EventHub hub(hub_options);
  todo::frontend::ApiProxy proxy(rt.dapr(), rt.metrics(), rt.args()["max-in-flight"].as<int>());

  // Routes match in the order they are added: the stream before the generic /api forwarder.
  todo::frontend::install_event_stream(server, proxy, hub, rt.metrics());
  proxy.install(server);
  if (!todo::frontend::install_web_app(server, web_root)) {
    spdlog::warn("web root {} has no index.html: serving the API only", web_root);
  }

  // Every replica must see every update (its browsers may be any user's): on Kubernetes the
  // chart points this at a pub/sub component whose consumer group is the pod's name
  // (helm/todo-platform, kafka-pubsub-broadcast). One replica locally: the shared component.
  const std::string updates_pubsub =
      todo::service::env_or("TASK_UPDATES_PUBSUB", todo::service::kPubSub);
  rt.subscriber().subscribe(
      {updates_pubsub, "task-updates", "/events/task-updates", "task-updates-dlq"},
      todo::frontend::task_updates_handler(hub, rt.metrics()));
  return rt.run();
}
