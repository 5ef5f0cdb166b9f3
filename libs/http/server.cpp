#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <string_view>
#include <thread>

#include "http/dependency_error.hpp"
#include "http/problem.hpp"
#include "log/log.hpp"

namespace todo::http {
namespace {

thread_local std::chrono::steady_clock::time_point request_started;

// Compares secrets in time independent of where they first differ.
bool constant_time_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// Set by the calling sidecar on every service invocation, never on a pub/sub delivery.
constexpr const char* kCallerAppIdHeader = "dapr-caller-app-id";

// True when a decoded path has a "." or ".." segment. cpp-httplib serves mounted folders after
// decoding, so "/assets/../x" reached files beside the assets without the checks of their path.
bool has_dot_segment(const std::string& path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const auto segment = std::string_view(path).substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

std::string status_class(int status) {
  return std::to_string(status / 100) + "xx";
}

}  // namespace

Server::Server(ServerOptions options, metrics::Registry& registry, Readiness& readiness)
    : options_(std::move(options)),
      registry_(registry),
      readiness_(readiness),
      app_host_(options_.host) {
  const int threads = options_.worker_threads;
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_payload_max_length(options_.max_body_bytes);
  server_.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm holds
  // the body until the client's delayed ACK (~40 ms per response).
  server_.set_tcp_nodelay(true);
  // A keep-alive connection holds a worker while it waits for its next request: release idle
  // ones after 1 s so clients that open many connections cannot starve the pool.
  server_.set_keep_alive_timeout(1);
  server_.set_read_timeout(10, 0);
  server_.set_write_timeout(10, 0);
  // cpp-httplib listens with a backlog of 5, which resets connections in a burst; bind() asks
  // for the system's largest once cpp-httplib has listened (Linux takes a second listen()).
  server_.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd_ = sock;
  });

  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_started = std::chrono::steady_clock::now();
    log::set_trace_id(log::trace_id_from_traceparent(req.get_header_value("traceparent")));
    if (options_.decorate) options_.decorate(req, res);
    if (has_dot_segment(req.path)) {
      send_problem(res, 400, "Bad request", "the path has '.' or '..' segments");
      return httplib::Server::HandlerResponse::Handled;
    }
    // HTTP/1.1 (RFC 9112 6.3): a request with neither Content-Length nor Transfer-Encoding has
    // no body. cpp-httplib would instead read a POST until the client closes or the read
    // timeout passes; this runs before it reads, so say so explicitly.
    // The server owns this request object; only the callback's view of it is const.
    if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) {
      const_cast<httplib::Request&>(req).headers.emplace("Content-Length", "0");
    }
    // Public paths (the frontend's, which the internet reaches) ignore the header: anyone can
    // send it there, and it changes nothing.
    if (req.has_header(kCallerAppIdHeader) && !invocable(req.path) && !is_public(req.path)) {
      spdlog::warn("refused {} {} by service invocation from {}", req.method, req.path,
                   req.get_header_value(kCallerAppIdHeader));
      send_problem(res, 404, "Not found", "no route for " + req.method + " " + req.path);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (options_.app_api_token.empty() || is_public(req.path)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    if (!constant_time_equal(req.get_header_value("dapr-api-token"), options_.app_api_token)) {
      send_problem(res, 401, "Unauthorized",
                   "missing or wrong dapr-api-token: only the Dapr sidecar may call this app");
      return httplib::Server::HandlerResponse::Handled;
    }
    // The sidecar calls over loopback, where gzip only burns CPU (it was 12% of a list
    // request); cpp-httplib compresses whenever the request accepts it, so stop it accepting.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    return httplib::Server::HandlerResponse::Unhandled;
  });

  server_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already wrote its own problem
    switch (res.status) {
      case 404:
        send_problem(res, 404, "Not found", "no route for " + req.method + " " + req.path);
        break;
      case 405:
        send_problem(res, 405, "Method not allowed");
        break;
      case 413:
        send_problem(res, 413, "Payload too large", "the request body is over the size limit");
        break;
      default:
        send_problem(res, res.status, res.status >= 500 ? "Server error" : "Request error");
    }
  });

  server_.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, const std::exception_ptr& ep) {
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const DependencyError& e) {
          if (e.transient()) {
            spdlog::warn("{} {}: a dependency is unavailable: {}", req.method, req.path, e.what());
            res.set_header("Retry-After", "5");
            send_problem(res, 503, "Service unavailable",
                         "a service this one depends on is not answering; try again shortly");
            return;
          }
          spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
        } catch (const std::exception& e) {
          spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
        }
        send_problem(res, 500, "Internal error", "the server failed; the error is logged");
      });

  server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started).count();
    registry_
        .histogram("http_request_duration_seconds", "HTTP request latency",
                   {{"method", req.method}, {"status", status_class(res.status)}})
        .observe(seconds);
    if (res.status >= 500) spdlog::error("{} {} -> {}", req.method, req.path, res.status);
  });

  server_.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, {{"status", "ok"}});
  });
  install_ops_routes();
}

Server::~Server() {
  stop();
}

void Server::install_ops_routes() {
  ops_.new_task_queue = [] { return new httplib::ThreadPool(2); };
  ops_.set_keep_alive_timeout(1);
  ops_.set_read_timeout(5, 0);
  ops_.set_write_timeout(5, 0);
  ops_.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, {{"status", "ok"}});
  });
  ops_.Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, readiness_.ready() ? 200 : 503, readiness_.status());
  });
  ops_.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(registry_.render(), "text/plain; version=0.0.4");
  });
}

void Server::allow_without_token(std::string path_prefix) {
  public_prefixes_.push_back(std::move(path_prefix));
}

void Server::allow_exact_without_token(std::string path) {
  public_paths_.push_back(std::move(path));
}

void Server::allow_invocation(std::string path_prefix) {
  invocable_prefixes_.push_back(std::move(path_prefix));
}

bool Server::invocable(const std::string& path) const {
  for (const auto& prefix : invocable_prefixes_) {
    if (path.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

bool Server::is_public(const std::string& path) const {
  if (path == "/healthz") return true;
  for (const auto& p : public_paths_) {
    if (path == p) return true;
  }
  for (const auto& prefix : public_prefixes_) {
    if (path.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

Server::Handler Server::wrap(Handler h) {
  return [h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    try {
      h(req, res);
    } catch (const ProblemError& p) {
      send_problem(res, p.status(), p.title(), p.detail(), p.extra());
    } catch (const errors::DomainError& e) {
      const ProblemError p = problem_for(e);
      send_problem(res, p.status(), p.title(), p.detail(), p.extra());
    }
  };
}

void Server::get(const std::string& p, Handler h) {
  server_.Get(p, wrap(std::move(h)));
}
void Server::post(const std::string& p, Handler h) {
  server_.Post(p, wrap(std::move(h)));
}
void Server::put(const std::string& p, Handler h) {
  server_.Put(p, wrap(std::move(h)));
}
void Server::patch(const std::string& p, Handler h) {
  server_.Patch(p, wrap(std::move(h)));
}
void Server::del(const std::string& p, Handler h) {
  server_.Delete(p, wrap(std::move(h)));
}
void Server::options(const std::string& p, Handler h) {
  server_.Options(p, wrap(std::move(h)));
}

bool Server::bind() {
  if (bound_) return true;
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    if (stop_requested_) return false;
  }
  if (options_.ops_port >= 0) {
    if (options_.ops_port == 0) {
      options_.ops_port = ops_.bind_to_any_port(options_.host);
      if (options_.ops_port <= 0) return false;
    } else if (!ops_.bind_to_port(options_.host, options_.ops_port)) {
      return false;
    }
    // Served from here on, so probes can ask while the app is still starting.
    ops_listen_.started = true;
    ops_thread_ = std::thread([this] {
      ops_.listen_after_bind();
      ops_listen_.returned = true;
    });
  }
  if (options_.port == 0) {
    options_.port = server_.bind_to_any_port(app_host_);
    if (options_.port <= 0) return false;
  } else if (!server_.bind_to_port(app_host_, options_.port)) {
    return false;
  }
  if (listen_fd_ >= 0) ::listen(listen_fd_, SOMAXCONN);
  bound_ = true;
  return true;
}

bool Server::listen() {
  if (!server_.is_valid()) return false;
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    if (stop_requested_) return false;  // stop() came first: there is nothing to serve
    app_listen_.started = true;
  }
  const bool ok = server_.listen_after_bind();
  app_listen_.returned = true;
  return ok;
}

void Server::stop_listener(httplib::Server& server, const Listening& listening) {
  if (!listening.started) return;
  // cpp-httplib's stop() does nothing until its listen loop is running, and the loop would then
  // serve forever: wait the few microseconds until it runs (or has given up) before stopping it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!server.is_running() && !listening.returned &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  server.stop();
}

void Server::stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stop_requested_ = true;
  }
  stop_listener(server_, app_listen_);
  stop_listener(ops_, ops_listen_);
  if (ops_thread_.joinable() && ops_thread_.get_id() != std::this_thread::get_id()) {
    ops_thread_.join();
  }
}

}  // namespace todo::http
