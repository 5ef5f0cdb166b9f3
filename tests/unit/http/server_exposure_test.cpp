// What each port of an app exposes: operations endpoints only on the operations port, and
// nothing but the declared public prefixes to a request that came by service invocation.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "http/readiness.hpp"
#include "http/server.hpp"

namespace {

struct App {
  todo::metrics::Registry registry;
  todo::http::Readiness readiness;
  todo::http::Server server;
  std::thread thread;

  static todo::http::ServerOptions options() {
    todo::http::ServerOptions o;
    o.service_name = "test";
    o.port = 0;
    o.ops_port = 0;
    o.app_api_token = "app-token";
    return o;
  }
  App() : server(options(), registry, readiness) {
    server.allow_invocation("/api/");
    auto ok = [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{}", "application/json");
    };
    server.get("/api/v1/things", ok);
    server.post("/events/things", ok);
    server.get("/dapr/subscribe", ok);
    REQUIRE(server.bind());
    thread = std::thread([this] { server.listen(); });
  }
  ~App() {
    server.stop();
    thread.join();
  }
};

const httplib::Headers kSidecar = {{"dapr-api-token", "app-token"}};

}  // namespace

TEST_CASE("readiness and metrics are served on the operations port only",
          "[http][server][security]") {
  App app;
  REQUIRE(app.server.ops_port() > 0);
  httplib::Client ops("127.0.0.1", app.server.ops_port());
  for (const char* path : {"/healthz", "/readyz", "/metrics"}) {
    auto r = ops.Get(path);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status != 404);
  }
  httplib::Client main_port("127.0.0.1", app.server.port());
  auto health = main_port.Get("/healthz");  // Dapr's app health check
  REQUIRE(health);
  CHECK(health->status == 200);
  for (const char* path : {"/readyz", "/metrics"}) {
    auto r = main_port.Get(path, kSidecar);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 404);
  }
}

TEST_CASE("service invocation reaches only the declared prefixes", "[http][server][security]") {
  App app;
  httplib::Client c("127.0.0.1", app.server.port());
  httplib::Headers invoked = kSidecar;
  invoked.emplace("dapr-caller-app-id", "frontend");
  auto api = c.Get("/api/v1/things", invoked);
  REQUIRE(api);
  CHECK(api->status == 200);
  auto event = c.Post("/events/things", invoked, "{}", "application/json");
  REQUIRE(event);
  CHECK(event->status == 404);
  auto subscribe = c.Get("/dapr/subscribe", invoked);
  REQUIRE(subscribe);
  CHECK(subscribe->status == 404);
  // The sidecar's own pub/sub delivery carries no caller app id.
  auto delivery = c.Post("/events/things", kSidecar, "{}", "application/json");
  REQUIRE(delivery);
  CHECK(delivery->status == 200);
}

TEST_CASE("a POST with neither Content-Length nor Transfer-Encoding has an empty body",
          "[http][server][security]") {
  App app;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(app.server.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  timeval two_seconds{2, 0};  // the server's read timeout is 10 s: an answer must not wait for it
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &two_seconds, sizeof two_seconds);
  const std::string request =
      "POST /events/things HTTP/1.1\r\nHost: x\r\ndapr-api-token: app-token\r\n\r\n";
  REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  char buffer[512];
  const ssize_t got = recv(fd, buffer, sizeof buffer - 1, 0);
  close(fd);
  REQUIRE(got > 0);
  CHECK(std::string(buffer, static_cast<std::size_t>(got)).rfind("HTTP/1.1 200", 0) == 0);
}

TEST_CASE("a path with dot segments is refused before any route or mount sees it",
          "[http][server][security]") {
  App app;
  httplib::Client c("127.0.0.1", app.server.port());
  for (const char* path : {"/assets/../x", "/assets/%2e%2e/x", "/api/v1/./things", "/.."}) {
    auto r = c.Get(path, kSidecar);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 400);
  }
  auto plain = c.Get("/api/v1/things", kSidecar);
  REQUIRE(plain);
  CHECK(plain->status == 200);
}
