#include "service/runtime.hpp"

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "log/log.hpp"

namespace todo::service {
namespace {
// The operations port of an app is its port + 1000 unless told otherwise: 8080 -> 9080. ports.txt
// lists each app's (tools/ports/check.py holds it to this rule) and the charts follow it
// (todo.opsPort).
constexpr int kOpsPortOffset = 1000;
}  // namespace

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

namespace {

// NAME=value lines of the file TODO_TOKENS_FILE names (the local stack gives each app its own
// tokens that way; in a cluster they come as environment variables from Kubernetes Secrets).
std::map<std::string, std::string> tokens_file() {
  std::map<std::string, std::string> values;
  const std::string path = env_or("TODO_TOKENS_FILE", "");
  if (path.empty()) return values;
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read TODO_TOKENS_FILE " << path << std::endl;
    std::exit(2);
  }
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return values;
}

// An environment variable, else the same name in TODO_TOKENS_FILE, else "".
std::string token(const char* name, const std::map<std::string, std::string>& file) {
  const auto it = file.find(name);
  return env_or(name, it != file.end() ? it->second : "");
}

}  // namespace

Runtime::Runtime(RuntimeSpec spec, int argc, char** argv) : spec_(std::move(spec)) {
  cxxopts::Options options(spec_.name, "todo platform: " + spec_.name);
  // clang-format off
  options.add_options()
    ("port", "HTTP port of this app (env APP_PORT)",
     cxxopts::value<int>()->default_value(env_or("APP_PORT", std::to_string(spec_.default_port))))
    ("host", "address to listen on", cxxopts::value<std::string>()->default_value("127.0.0.1"))
    ("ops-port", "port of /healthz, /readyz and /metrics (env OPS_PORT; default: port + 1000)",
     cxxopts::value<int>()->default_value(env_or("OPS_PORT", "0")))
    ("dapr-http-port", "the sidecar's HTTP port (env DAPR_HTTP_PORT)",
     cxxopts::value<int>()->default_value(env_or("DAPR_HTTP_PORT", "3500")))
    ("log-level", "trace, debug, info, warn, error",
     cxxopts::value<std::string>()->default_value(env_or("LOG_LEVEL", "info")))
    // cpp-httplib gives each keep-alive connection a worker for its whole life, so the pool
    // must be larger than the number of clients that keep connections open.
    ("threads", "HTTP worker threads", cxxopts::value<int>()->default_value("32"))
    ("readiness-period-ms", "how often dependencies are checked",
     cxxopts::value<int>()->default_value("5000"))
    ("allow-no-app-token", "serve without checking APP_API_TOKEN (development only)")
    ("h,help", "show this help");
  // clang-format on
  if (spec_.extra_options) spec_.extra_options(options);
  try {
    args_ = std::make_unique<cxxopts::ParseResult>(options.parse(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << spec_.name << ": " << e.what() << "\n" << options.help() << std::endl;
    std::exit(2);
  }
  if (args_->count("help")) {
    std::cout << options.help() << std::endl;
    std::exit(0);
  }
  log::init(spec_.name, (*args_)["log-level"].as<std::string>());

  http::ServerOptions server_options;
  server_options.service_name = spec_.name;
  server_options.host = (*args_)["host"].as<std::string>();
  server_options.port = (*args_)["port"].as<int>();
  server_options.ops_port = (*args_)["ops-port"].as<int>();
  if (server_options.ops_port == 0) server_options.ops_port = server_options.port + kOpsPortOffset;
  server_options.worker_threads = (*args_)["threads"].as<int>();
  const auto file_tokens = tokens_file();
  server_options.app_api_token = token("APP_API_TOKEN", file_tokens);
  if (server_options.app_api_token.empty() && !args_->count("allow-no-app-token")) {
    spdlog::critical(
        "APP_API_TOKEN is not set: refusing to serve an app that anyone could call "
        "(pass --allow-no-app-token for local experiments)");
    std::exit(2);
  }

  readiness_ = std::make_unique<http::Readiness>(
      std::chrono::milliseconds((*args_)["readiness-period-ms"].as<int>()));
  server_ = std::make_unique<http::Server>(server_options, metrics_, *readiness_);

  dapr::ClientOptions dapr_options;
  dapr_options.http_port = (*args_)["dapr-http-port"].as<int>();
  dapr_options.api_token = token("DAPR_API_TOKEN", file_tokens);
  dapr_ = std::make_unique<dapr::Client>(dapr_options);
  dapr_options.max_attempts = 1;
  dapr_options.timeout = std::chrono::milliseconds(3000);
  probe_client_ = std::make_unique<dapr::Client>(dapr_options);
  subscriber_ = std::make_unique<dapr::Subscriber>(*server_, metrics_);

  readiness_->add("sidecar", [this]() -> std::optional<std::string> {
    if (probe_client_->sidecar_healthy()) return std::nullopt;
    return "the Dapr sidecar on port " + std::to_string(probe_client_->options().http_port) +
           " does not answer /v1.0/healthz";
  });
  // Kafka is reached only through Dapr, so the probe is a tiny publish on a topic nobody
  // consumes: it fails exactly when this app could not publish its own events.
  readiness_->add("kafka", [this]() -> std::optional<std::string> {
    try {
      dapr::Publisher(*probe_client_, kPubSub)
          .publish("health-probes", spec_.name, {{"app", spec_.name}});
      return std::nullopt;
    } catch (const std::exception& e) {
      return std::string(e.what()).substr(0, 200);
    }
  });
}

Runtime::~Runtime() = default;

void Runtime::require_state_store(const std::string& store) {
  readiness_->add("state:" + store, [this, store]() -> std::optional<std::string> {
    try {
      probe_client_->get_state(store, "readiness-probe");
      return std::nullopt;
    } catch (const std::exception& e) {
      return std::string(e.what()).substr(0, 200);
    }
  });
}

int Runtime::run(const std::function<void()>& on_stop) {
  // Block the stop signals in every thread, and wait for them in one dedicated thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  if (!server_->bind()) {
    spdlog::critical("cannot listen on port {} or {}: is another process using it?",
                     server_->port(), server_->ops_port());
    return 1;
  }
  std::thread signal_waiter([this, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {} received, stopping", sig);
    server_->stop();
  });
  readiness_->start();
  spdlog::info("{} listening on {} (operations on {}), sidecar on {}", spec_.name, server_->port(),
               server_->ops_port(), dapr_->options().http_port);
  server_->listen();
  readiness_->stop();
  if (on_stop) on_stop();
  // If the server stopped for another reason, release the signal thread. SIGTERM is blocked in
  // every thread and only that one waits for it (sigwait): this wakes it, it kills nothing.
  // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread)
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  spdlog::info("{} stopped", spec_.name);
  return 0;
}

}  // namespace todo::service
