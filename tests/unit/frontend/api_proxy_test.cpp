// The frontend's session handling against an in-process fake sidecar standing in for
// task-service: cookie login, bearer pass-through, the CSRF rule, transparent refresh, logout.
#include "api_proxy.hpp"

#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <thread>

#include "http/server.hpp"
#include "serve_in_background.hpp"

namespace {

// task-service behind its sidecar: AT1 is expired, AT2 is valid; RT1 refreshes to AT2/RT2 once.
struct FakeTaskService {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<int> refreshes{0};
  std::mutex mu;
  std::vector<std::string> revoked;
  std::string last_authorization;

  static bool valid(const httplib::Request& req) {
    return req.get_header_value("Authorization") == "Bearer AT2";
  }
  static nlohmann::json session(const std::string& at, const std::string& rt) {
    return {{"user", {{"id", "u1"}}}, {"access_token", at},        {"refresh_token", rt},
            {"expires_in", 900},      {"refresh_expires_in", 100}, {"token_type", "Bearer"}};
  }

  FakeTaskService() {
    const std::string base = "/v1.0/invoke/task-service/method/api/v1";
    server.Post(base + "/auth/login", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(session("AT1", "RT1").dump(), "application/json");
    });
    server.Post(base + "/auth/refresh", [this](const httplib::Request& req,
                                               httplib::Response& res) {
      // Single-use, as task-service's: RT1 works once.
      if (nlohmann::json::parse(req.body).value("refresh_token", "") != "RT1" || ++refreshes > 1) {
        res.status = 401;
        return;
      }
      res.set_content(session("AT2", "RT2").dump(), "application/json");
    });
    server.Post(base + "/auth/logout", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      revoked.push_back(nlohmann::json::parse(req.body).value("refresh_token", ""));
      res.status = 204;
    });
    auto tasks = [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mu);
        last_authorization = req.get_header_value("Authorization");
      }
      if (!valid(req)) {
        res.status = 401;
        res.set_content(R"({"title":"Unauthorized","status":401})", "application/problem+json");
        return;
      }
      res.status = req.method == "POST" ? 201 : 200;
      res.set_content(R"({"items":[]})", "application/json");
    };
    server.Get(base + "/tasks", tasks);
    server.Post(base + "/tasks", tasks);
    // What a sidecar answers when an access policy refuses the call.
    server.Get(base + "/tags", [](const httplib::Request&, httplib::Response& res) {
      res.status = 403;
      res.set_content(
          R"({"errorCode":"ERR_DIRECT_INVOKE","message":"access control policy has denied )"
          R"(access to id: spiffe://public/ns/default/frontend operation: api/v1/tags"})",
          "application/json");
    });
    server.Get(base + "/me", [](const httplib::Request& req, httplib::Response& res) {
      if (!valid(req)) {
        res.status = 401;
        return;
      }
      res.set_content(R"({"id":"u1"})", "application/json");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = todo::testing::serve_in_background(server);
  }
  ~FakeTaskService() {
    server.stop();
    thread.join();
  }
};

struct Frontend {
  todo::metrics::Registry registry;
  todo::http::Readiness readiness;
  todo::dapr::Client dapr;
  todo::http::Server server;
  todo::frontend::ApiProxy proxy;
  std::thread thread;

  static todo::dapr::ClientOptions dapr_options(int port) {
    todo::dapr::ClientOptions o;
    o.http_port = port;
    o.max_attempts = 1;
    return o;
  }
  static todo::http::ServerOptions server_options() {
    todo::http::ServerOptions o;
    o.service_name = "frontend";
    o.port = 0;  // any free port
    return o;
  }
  explicit Frontend(int sidecar_port, int max_in_flight = 64)
      : dapr(dapr_options(sidecar_port)),
        server(server_options(), registry, readiness),
        proxy(dapr, registry, max_in_flight) {
    proxy.install(server);
    server.bind();
    thread = std::thread([this] { server.listen(); });
  }
  ~Frontend() {
    server.stop();
    thread.join();
  }
  httplib::Client client() { return httplib::Client("127.0.0.1", server.port()); }
};

std::vector<std::string> set_cookies(const httplib::Result& r) {
  std::vector<std::string> out;
  auto range = r->headers.equal_range("Set-Cookie");
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

bool has_cookie(const std::vector<std::string>& cookies, const std::string& prefix) {
  for (const auto& c : cookies) {
    if (c.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

const httplib::Headers kWeb = {{"X-Requested-With", "todo-web"}};

}  // namespace

TEST_CASE("API clients get task-service's session answer unchanged", "[frontend][proxy]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  auto r = c.Post("/api/v1/auth/login", R"({"email":"a@b.c","password":"x"})", "application/json");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(nlohmann::json::parse(r->body)["access_token"] == "AT1");
  CHECK(set_cookies(r).empty());
  // A bearer header goes through as is.
  auto list = c.Get("/api/v1/tasks", {{"Authorization", "Bearer AT2"}});
  REQUIRE(list);
  CHECK(list->status == 200);
}

TEST_CASE("the web app's login puts the tokens into HttpOnly cookies only", "[frontend][proxy]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  auto r =
      c.Post("/api/v1/auth/login", kWeb, R"({"email":"a@b.c","password":"x"})", "application/json");
  REQUIRE(r);
  CHECK(r->status == 200);
  const auto body = nlohmann::json::parse(r->body);
  CHECK_FALSE(body.contains("access_token"));
  CHECK_FALSE(body.contains("refresh_token"));
  CHECK(body["user"]["id"] == "u1");
  const auto cookies = set_cookies(r);
  CHECK(has_cookie(cookies, "todo_at=AT1; Path=/api/; Max-Age=900; HttpOnly; SameSite=Lax"));
  CHECK(has_cookie(cookies, "todo_rt=RT1; Path=/api/; Max-Age=100; HttpOnly; SameSite=Lax"));

  auto tls =
      c.Post("/api/v1/auth/login", {{"X-Requested-With", "x"}, {"X-Forwarded-Proto", "https"}},
             "{}", "application/json");
  REQUIRE(tls);
  for (const auto& cookie : set_cookies(tls)) CHECK(cookie.find("; Secure") != std::string::npos);
}

TEST_CASE("an expired cookie session is refreshed once, transparently", "[frontend][proxy]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  httplib::Headers h = {{"Cookie", "todo_at=AT1; todo_rt=RT1"}};
  auto r = c.Get("/api/v1/tasks", h);
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(backend.refreshes == 1);
  const auto cookies = set_cookies(r);
  CHECK(has_cookie(cookies, "todo_at=AT2;"));
  CHECK(has_cookie(cookies, "todo_rt=RT2;"));
  // A second call with the same (now spent) refresh token within seconds shares the first
  // refresh, but gets no cookies: it may be a replay of a stolen cookie.
  auto again = c.Get("/api/v1/tasks", {{"Cookie", "todo_rt=RT1"}});
  REQUIRE(again);
  CHECK(again->status == 200);
  CHECK(backend.refreshes == 1);
  CHECK(set_cookies(again).empty());
  // The caller resolves to its user for the event stream.
  httplib::Request req;
  req.method = "GET";
  req.headers = {{"Cookie", "todo_at=AT2"}};
  httplib::Response res;
  CHECK(fe.proxy.resolve_user(req, res) == std::optional<std::string>("u1"));
}

TEST_CASE("a refused refresh ends the cookie session", "[frontend][proxy]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  auto r = c.Get("/api/v1/tasks", {{"Cookie", "todo_at=AT1; todo_rt=stale"}});
  REQUIRE(r);
  CHECK(r->status == 401);
  const auto cookies = set_cookies(r);
  CHECK(has_cookie(cookies, "todo_at=; Path=/api/; Max-Age=0"));
  CHECK(has_cookie(cookies, "todo_rt=; Path=/api/; Max-Age=0"));
}

TEST_CASE("a cookie-authenticated change without the client header is refused",
          "[frontend][proxy]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  auto forged =
      c.Post("/api/v1/tasks", {{"Cookie", "todo_at=AT2"}}, R"({"title":"x"})", "application/json");
  REQUIRE(forged);
  CHECK(forged->status == 403);
  httplib::Headers ok = {{"Cookie", "todo_at=AT2"}, {"X-Requested-With", "todo-web"}};
  auto made = c.Post("/api/v1/tasks", ok, R"({"title":"x"})", "application/json");
  REQUIRE(made);
  CHECK(made->status == 201);
  std::lock_guard<std::mutex> lock(backend.mu);
  CHECK(backend.last_authorization == "Bearer AT2");
}

TEST_CASE("logout revokes the cookie's refresh token and clears the cookies", "[frontend][proxy]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  httplib::Headers h = {{"Cookie", "todo_at=AT2; todo_rt=RT9"}, {"X-Requested-With", "todo-web"}};
  auto r = c.Post("/api/v1/auth/logout", h, "{}", "application/json");
  REQUIRE(r);
  CHECK(r->status == 204);
  CHECK(has_cookie(set_cookies(r), "todo_rt=; Path=/api/; Max-Age=0"));
  std::lock_guard<std::mutex> lock(backend.mu);
  REQUIRE(backend.revoked.size() == 1);
  CHECK(backend.revoked[0] == "RT9");
}

TEST_CASE("after logout the refresh memory no longer serves the old refresh token",
          "[frontend][proxy][security]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  auto first = c.Get("/api/v1/tasks", {{"Cookie", "todo_rt=RT1"}});
  REQUIRE(first);
  CHECK(first->status == 200);
  httplib::Headers out = {{"Cookie", "todo_at=AT2; todo_rt=RT2"}, {"X-Requested-With", "todo-web"}};
  REQUIRE(c.Post("/api/v1/auth/logout", out, "{}", "application/json"));
  // RT1 is spent at task-service, and the memory of its refresh went with the logout.
  auto replay = c.Get("/api/v1/tasks", {{"Cookie", "todo_rt=RT1"}});
  REQUIRE(replay);
  CHECK(replay->status == 401);
  CHECK(set_cookies(replay).size() == 2);  // both cleared, none issued
  CHECK_FALSE(has_cookie(set_cookies(replay), "todo_at=AT"));
}

TEST_CASE("only a bearer Authorization header is forwarded", "[frontend][proxy][security]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  // "dapr-app-id:notification-service" as Basic credentials picks the target app in daprd.
  auto basic = c.Get("/api/v1/tasks",
                     {{"Authorization", "Basic ZGFwci1hcHAtaWQ6bm90aWZpY2F0aW9uLXNlcnZpY2U="}});
  REQUIRE(basic);
  CHECK(basic->status == 401);
  {
    std::lock_guard<std::mutex> lock(backend.mu);
    CHECK(backend.last_authorization.empty());
  }
  auto bearer = c.Get("/api/v1/tasks", {{"Authorization", "bearer AT2"}});
  REQUIRE(bearer);
  CHECK(bearer->status == 200);
}

TEST_CASE("paths off the allow-list never reach a backend", "[frontend][proxy][security]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  const httplib::Headers h = {{"Authorization", "Bearer AT2"}};
  for (const char* path :
       {"/api/../events/task-commands", "/api/%2e%2e/events/task-commands", "/api/v1/..%2fevents",
        "/api/v1/tasks/..\\..\\events", "/api/./v1/tasks", "/api//v1/tasks"}) {
    auto r = c.Post(path, h, "{}", "application/json");
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 400);
  }
  for (const char* path : {"/api/dapr/subscribe", "/api/metrics", "/api/v1/unknown"}) {
    auto r = c.Get(path, h);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 404);
  }
  auto deep = c.Post("/api/v1/tasks", h, std::string(1000, '[') + std::string(1000, ']'),
                     "application/json");
  REQUIRE(deep);
  CHECK(deep->status == 400);
}

TEST_CASE("a sidecar's own error is never passed on to the client", "[frontend][proxy][security]") {
  FakeTaskService backend;
  Frontend fe(backend.port);
  auto c = fe.client();
  auto r = c.Get("/api/v1/tags", {{"Authorization", "Bearer AT2"}});
  REQUIRE(r);
  CHECK(r->status == 500);
  CHECK(r->body.find("spiffe") == std::string::npos);
  CHECK(r->body.find("ERR_DIRECT_INVOKE") == std::string::npos);
}

TEST_CASE("calls beyond max_in_flight are shed at once with 503 and Retry-After",
          "[frontend][proxy][security]") {
  FakeTaskService backend;
  Frontend fe(backend.port, 0);  // every call is one too many
  auto c = fe.client();
  auto busy = c.Get("/api/v1/tasks", {{"Authorization", "Bearer AT2"}});
  REQUIRE(busy);
  CHECK(busy->status == 503);
  CHECK(busy->get_header_value("Retry-After") == "1");
  std::lock_guard<std::mutex> lock(backend.mu);
  CHECK(backend.last_authorization.empty());  // nothing reached the backend
}
