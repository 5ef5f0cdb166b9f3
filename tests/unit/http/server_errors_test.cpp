#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "dapr/client.hpp"
#include "http/readiness.hpp"
#include "http/server.hpp"

namespace {

// A server whose routes fail the ways a handler can: the sidecar or a store behind it away
// (transient), the sidecar refusing a call (not transient), and a plain bug.
struct FailingServer {
  todo::metrics::Registry registry;
  todo::http::Readiness readiness;
  todo::http::Server server;
  std::thread thread;

  static todo::http::ServerOptions options() {
    todo::http::ServerOptions o;
    o.service_name = "test";
    o.port = 0;
    return o;
  }
  FailingServer() : server(options(), registry, readiness) {
    server.get("/away", [](const httplib::Request&, httplib::Response&) {
      throw todo::dapr::DaprError("get state k failed: circuit breaker is open", 500,
                                  "ERR_STATE_GET", true);
    });
    server.get("/refused", [](const httplib::Request&, httplib::Response&) {
      throw todo::dapr::DaprError("save state failed: bad request", 400, "ERR_MALFORMED", false);
    });
    server.get("/bug",
               [](const httplib::Request&, httplib::Response&) { throw std::logic_error("oops"); });
    server.bind();
    thread = std::thread([this] { server.listen(); });
  }
  ~FailingServer() {
    server.stop();
    thread.join();
  }
};

}  // namespace

TEST_CASE("a dependency that is away answers 503 with Retry-After, and a bug stays a 500",
          "[http][server]") {
  FailingServer s;
  httplib::Client client("127.0.0.1", s.server.port());
  const auto away = client.Get("/away");
  REQUIRE(away);
  CHECK(away->status == 503);
  CHECK(away->get_header_value("Retry-After") == "5");
  const auto problem = nlohmann::json::parse(away->body);
  CHECK(problem["title"] == "Service unavailable");
  // The sidecar's own words (key names, store errors) stay in the log, not the answer.
  CHECK(away->body.find("circuit breaker") == std::string::npos);

  const auto refused = client.Get("/refused");
  REQUIRE(refused);
  CHECK(refused->status == 500);
  const auto bug = client.Get("/bug");
  REQUIRE(bug);
  CHECK(bug->status == 500);
  CHECK(nlohmann::json::parse(bug->body)["title"] == "Internal error");
}
