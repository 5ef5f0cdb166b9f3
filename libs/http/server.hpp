#pragma once
// The HTTP server every service runs: cpp-httplib plus the things each needs the same way:
// /healthz, /readyz, /metrics, APP_API_TOKEN on everything else, body-size limit (413),
// problem+json for every error, request metrics, and the trace id in the logs.
#include <httplib.h>

#include <functional>
#include <string>

#include "http/readiness.hpp"
#include "metrics/metrics.hpp"

namespace todo::http {

struct ServerOptions {
  std::string service_name;
  std::string host = "127.0.0.1";
  int port = 0;
  // Expected value of the dapr-api-token header on every app route (Dapr's APP_API_TOKEN).
  // Empty disables the check (only allowed when the operator says so explicitly).
  std::string app_api_token;
  size_t max_body_bytes = 1024 * 1024;
  int worker_threads = 8;
};

class Server {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  Server(ServerOptions options, metrics::Registry& registry, Readiness& readiness);

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

  bool listen();  // blocks until stop()
  void stop();
  bool bind();  // binds the port without serving (so tests and callers know it is taken)
  int port() const { return options_.port; }
  httplib::Server& raw() { return server_; }

 private:
  Handler wrap(Handler h);
  bool is_public(const std::string& path) const;

  ServerOptions options_;
  metrics::Registry& registry_;
  Readiness& readiness_;
  httplib::Server server_;
  std::vector<std::string> public_prefixes_;
  std::vector<std::string> public_paths_;
};

}  // namespace todo::http
