#pragma once
// The HTTP server every service runs: cpp-httplib plus the things each needs the same way:
// APP_API_TOKEN on every route, body-size limit (413), problem+json for every error, request
// metrics, the trace id in the logs, and an operations listener of its own (/healthz, /readyz,
// /metrics) so that nothing operational is reachable on the port the sidecar (or, for the
// frontend, the internet) talks to. The app port keeps /healthz for Dapr's app health check.
//
// Service invocation reaches the app on the same port as pub/sub deliveries. A request that
// came by invocation carries the calling sidecar's `dapr-caller-app-id` header; it may reach
// only the routes declared with allow_invocation(), never /dapr/* or the event routes.
#include <httplib.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/readiness.hpp"
#include "metrics/metrics.hpp"

namespace todo::http {

struct ServerOptions {
  std::string service_name;
  std::string host = "127.0.0.1";
  int port = 0;
  // Port of the operations listener; 0 picks a free one, negative disables it (unit tests).
  int ops_port = -1;
  // Expected value of the dapr-api-token header on every app route (Dapr's APP_API_TOKEN).
  // Empty disables the check (only allowed when the operator says so explicitly).
  std::string app_api_token;
  size_t max_body_bytes = size_t{1024} * 1024;
  // Called first for every request, before any handler: headers it sets on the response stay
  // on every answer, errors included (the frontend's browser security headers).
  std::function<void(const httplib::Request&, httplib::Response&)> decorate = {};
  int worker_threads = 8;
};

class Server {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  Server(ServerOptions options, metrics::Registry& registry, Readiness& readiness);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Routes; handlers may throw ProblemError (answered as problem+json) and any other
  // exception is logged and answered as a 500 problem.
  void get(const std::string& pattern, Handler h);
  void post(const std::string& pattern, Handler h);
  void put(const std::string& pattern, Handler h);
  void patch(const std::string& pattern, Handler h);
  void del(const std::string& pattern, Handler h);
  void options(const std::string& pattern, Handler h);

  // Paths served without the app token (besides /healthz, /readyz, /metrics): a prefix such
  // as "/api/", or one exact path such as "/".
  void allow_without_token(std::string path_prefix);
  void allow_exact_without_token(std::string path);

  // Sets ServerOptions::decorate; call before listen().
  void decorate_responses(Handler decorate) { options_.decorate = std::move(decorate); }

  // Path prefixes that service invocation may reach (e.g. "/api/"); none by default. Paths
  // served without the token (the frontend's public ones) are not affected.
  void allow_invocation(std::string path_prefix);

  // Where bind() listens for app requests (the operations listener stays on the configured
  // host); call before bind(). The frontend moves its server behind the connection gate this
  // way (services/frontend/connection_gate.hpp); port 0 picks a free one.
  void listen_on(std::string host, int port) {
    app_host_ = std::move(host);
    options_.port = port;
  }
  const std::string& host() const { return app_host_; }

  bool listen();  // blocks until stop(); returns at once when stop() came first
  void stop();    // from any thread, at any time (also before or while listen() starts)
  // Binds the port without serving it yet (so tests and callers know it is taken), and binds
  // and starts serving the operations port. Once bound, further calls change nothing.
  bool bind();
  int port() const { return options_.port; }
  int ops_port() const { return options_.ops_port; }
  httplib::Server& raw() { return server_; }

 private:
  Handler wrap(Handler h);
  bool is_public(const std::string& path) const;
  bool invocable(const std::string& path) const;
  void install_ops_routes();

  ServerOptions options_;
  metrics::Registry& registry_;
  Readiness& readiness_;
  httplib::Server server_;
  httplib::Server ops_;
  std::thread ops_thread_;
  // Whether a listen loop was started and has returned, so stop() can wait for it to run.
  struct Listening {
    std::atomic<bool> started{false};
    std::atomic<bool> returned{false};
  };
  static void stop_listener(httplib::Server& server, const Listening& listening);
  Listening app_listen_;
  Listening ops_listen_;
  std::mutex stop_mu_;
  bool stop_requested_ = false;  // guarded by stop_mu_
  std::vector<std::string> invocable_prefixes_;
  std::vector<std::string> public_prefixes_;
  std::vector<std::string> public_paths_;
  std::string app_host_;
  int listen_fd_ = -1;
  bool bound_ = false;
};

}  // namespace todo::http
