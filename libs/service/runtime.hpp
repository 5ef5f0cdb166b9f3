#pragma once
// What every service binary shares: command-line/environment config, JSON logs, metrics,
// the HTTP server with its health endpoints, the Dapr client and subscriber, readiness
// checks of the sidecar and of Kafka, and a clean stop on SIGTERM/SIGINT.
#include <cxxopts.hpp>
#include <functional>
#include <memory>
#include <string>

#include "dapr/client.hpp"
#include "dapr/publisher.hpp"
#include "dapr/subscriber.hpp"
#include "http/readiness.hpp"
#include "http/server.hpp"
#include "metrics/metrics.hpp"

namespace todo::service {

inline constexpr const char* kPubSub = "kafka-pubsub";
inline constexpr const char* kStateStore = "statestore";
inline constexpr const char* kSecretStore = "secretstore";

struct RuntimeSpec {
  std::string name;                                      // the app id, also the log "service" field
  int default_port;                                      // ports::k<App>.port (ports.txt)
  std::function<void(cxxopts::Options&)> extra_options;  // service-specific flags
};

class Runtime {
 public:
  // Parses flags and environment; exits the process with a usage message on bad flags.
  Runtime(RuntimeSpec spec, int argc, char** argv);
  ~Runtime();

  const cxxopts::ParseResult& args() const { return *args_; }
  const std::string& name() const { return spec_.name; }
  http::Server& server() { return *server_; }
  dapr::Client& dapr() { return *dapr_; }
  // One attempt, short timeout: for lookups on a request's path that must fail fast when the
  // sidecar is away (the callers fail open).
  dapr::Client& quick_dapr() { return *probe_client_; }
  // Publishes on the platform's pub/sub component (kPubSub), every message under its key.
  dapr::Publisher publisher() { return dapr::Publisher(*dapr_, kPubSub); }
  dapr::Subscriber& subscriber() { return *subscriber_; }
  metrics::Registry& metrics() { return metrics_; }
  http::Readiness& readiness() { return *readiness_; }

  // Adds a readiness check that the state store answers (the service keeps state there).
  void require_state_store(const std::string& store = kStateStore);

  // Serves until SIGTERM/SIGINT. `on_stop` runs after the server stopped (flush, join).
  int run(const std::function<void()>& on_stop = {});

 private:
  RuntimeSpec spec_;
  std::unique_ptr<cxxopts::ParseResult> args_;
  metrics::Registry metrics_;
  std::unique_ptr<http::Readiness> readiness_;
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<dapr::Client> dapr_;
  std::unique_ptr<dapr::Client> probe_client_;  // short timeout, no retries
  std::unique_ptr<dapr::Subscriber> subscriber_;
};

// Reads an environment variable, or `fallback` when it is unset or empty.
std::string env_or(const char* name, const std::string& fallback);

}  // namespace todo::service
