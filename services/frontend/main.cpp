// frontend: serves the web app, forwards /api/* to the backends by Dapr invocation and
// streams task-updates to open browsers (docs/frontend.md).
#include <spdlog/spdlog.h>

#include <csignal>

#include "api_proxy.hpp"
#include "connection_gate.hpp"
#include "event_hub.hpp"
#include "event_stream.hpp"
#include "events/topics.hpp"
#include "ports/ports.hpp"
#include "security_headers.hpp"
#include "service/runtime.hpp"
#include "web_app.hpp"

// cxxopts throws here only for a malformed option spec or an undeclared option: bugs, which should
// abort (flag values are checked, and refused with exit code 2, by service::Runtime).
// NOLINTNEXTLINE(bugprone-exception-escape)
int main(int argc, char** argv) {
  todo::service::Runtime rt(
      {"frontend", todo::ports::kFrontend.port,
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
            cxxopts::value<int>()->default_value("300"))
           ("max-connections-per-address", "client connections open at once from one address",
            cxxopts::value<int>()->default_value("64"))
           ("max-connections", "client connections open at once in all",
            cxxopts::value<int>()->default_value("4096"))
           ("header-timeout", "seconds a request head may take to arrive",
            cxxopts::value<int>()->default_value("10"))
           ("body-timeout", "seconds a request body may take to arrive",
            cxxopts::value<int>()->default_value("30"))
           ("idle-timeout", "seconds a keep-alive connection may wait for its next request",
            cxxopts::value<int>()->default_value("5"));
         // clang-format on
       }},
      argc, argv);
  auto& server = rt.server();
  const auto& args = rt.args();
  // cpp-httplib gives each connection a worker thread for its whole life, and a live stream
  // never ends: the pool is the API workers plus one per allowed stream.
  const int max_streams = args["max-streams"].as<int>();
  const int pool = args["threads"].as<int>() + max_streams;
  server.raw().new_task_queue = [pool] { return new httplib::ThreadPool(pool); };

  // The public port belongs to the connection gate (connection_gate.hpp: deadlines, caps,
  // strict framing, a socket rather than a thread per waiting client); cpp-httplib moves to a
  // free port on 127.0.0.1 that only the gate reaches. The operations port stays where it was.
  todo::frontend::GateOptions gate_options;
  gate_options.host = server.host();
  gate_options.port = server.port();
  gate_options.caps.per_address =
      static_cast<size_t>(args["max-connections-per-address"].as<int>());
  gate_options.caps.total = static_cast<size_t>(args["max-connections"].as<int>());
  gate_options.header_timeout = std::chrono::seconds(args["header-timeout"].as<int>());
  gate_options.body_timeout = std::chrono::seconds(args["body-timeout"].as<int>());
  gate_options.idle_timeout = std::chrono::seconds(args["idle-timeout"].as<int>());
  server.listen_on("127.0.0.1", 0);
  // Longer than the gate's upstream_idle (1 s): the gate, never cpp-httplib, ends an idle
  // upstream connection, so a request is never sent on a connection being closed.
  server.raw().set_keep_alive_timeout(5);

  server.allow_without_token("/api/");
  server.decorate_responses(todo::frontend::add_security_headers);
  const auto web_root = rt.args()["web-root"].as<std::string>();

  todo::frontend::HubOptions hub_options;
  hub_options.max_streams = static_cast<size_t>(max_streams);
  hub_options.ring_capacity = static_cast<size_t>(rt.args()["replay-events"].as<int>());
  hub_options.ring_max_age = std::chrono::seconds(rt.args()["replay-seconds"].as<int>());
  todo::frontend::EventHub hub(hub_options);
  todo::frontend::ApiProxy proxy(rt.dapr(), rt.metrics(), rt.args()["max-in-flight"].as<int>());
  todo::frontend::PeerAddresses peers;
  proxy.use_peer_addresses(&peers);

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
      todo::events::subscription_to(updates_pubsub, todo::events::kTaskUpdatesTopic),
      todo::frontend::task_updates_handler(hub, rt.metrics()));

  // The gate starts once cpp-httplib is bound (its port is then known), with the stop signals
  // blocked as in every thread the runtime starts (it waits for them in one thread of its own).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  if (!server.bind()) {
    spdlog::critical("cannot listen on 127.0.0.1 or on the operations port {}", server.ops_port());
    return 1;
  }
  const int upstream_port = server.port();
  gate_options.upstream_port = [upstream_port] { return upstream_port; };
  todo::frontend::ConnectionGate gate(gate_options, peers, rt.metrics());
  if (!gate.bind()) return 1;
  gate.start();
  spdlog::info("connection gate on {}:{} in front of 127.0.0.1:{}", gate_options.host, gate.port(),
               upstream_port);
  const int rc = rt.run();
  gate.stop();
  return rc;
}
