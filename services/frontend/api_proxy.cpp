#include "api_proxy.hpp"

#include <spdlog/spdlog.h>
#include <strings.h>

#include "http/client_address.hpp"
#include "http/dependency_error.hpp"
#include "http/problem.hpp"
#include "json/bounded_parse.hpp"
#include "session.hpp"

namespace todo::frontend {
namespace {

// Long enough for the requests a page sends at once with one expired session, no longer.
constexpr auto kRefreshMemory = std::chrono::seconds(5);

bool is_cookie_client(const httplib::Request& req) {
  return req.has_header(kClientHeader);
}

bool secure_request(const httplib::Request& req) {
  return came_over_tls(req.get_header_value("X-Forwarded-Proto"));
}

std::string cookie(const httplib::Request& req, const char* name) {
  return cookie_value(req.get_header_value("Cookie"), name).value_or("");
}

// The caller's Authorization header when it carries a bearer token; any other scheme is never
// forwarded (the sidecar reads `Basic dapr-app-id:<app>` as a choice of target app).
std::optional<std::string> bearer_header(const httplib::Request& req) {
  const std::string value = req.get_header_value("Authorization");
  if (value.size() <= 7 || strncasecmp(value.c_str(), "Bearer ", 7) != 0) return std::nullopt;
  return "Bearer " + value.substr(7);
}

// An answer written by a sidecar (Dapr's own error body), not by the backend app.
bool from_dapr(const dapr::InvokeResult& r) {
  return r.status >= 400 && r.body.find(R"("errorCode":"ERR_)") != std::string::npos;
}

void copy_answer(const dapr::InvokeResult& r, httplib::Response& res) {
  res.status = r.status;
  for (const char* name : {"etag", "location", "www-authenticate", "retry-after"}) {
    auto h = r.headers.find(name);
    if (h != r.headers.end()) res.set_header(name, h->second);
  }
  // API answers carry user data: no cache may keep them unless the backend says otherwise.
  if (!res.has_header("Cache-Control")) {
    auto h = r.headers.find("cache-control");
    res.set_header("Cache-Control", h != r.headers.end() ? h->second : "no-store");
  }
  if (r.status == 204 || r.body.empty()) {
    res.body.clear();
    return;
  }
  res.set_content(r.body, r.content_type.empty() ? "application/json" : r.content_type);
}

}  // namespace

std::optional<SessionTokens> tokens_from_session(const nlohmann::json& body) {
  if (!body.is_object()) return std::nullopt;
  const auto at = body.find("access_token");
  const auto rt = body.find("refresh_token");
  if (at == body.end() || rt == body.end() || !at->is_string() || !rt->is_string())
    return std::nullopt;
  SessionTokens t;
  t.access_token = at->get<std::string>();
  t.refresh_token = rt->get<std::string>();
  if (body.contains("expires_in") && body["expires_in"].is_number_integer())
    t.expires_in = body["expires_in"].get<long>();
  if (body.contains("refresh_expires_in") && body["refresh_expires_in"].is_number_integer())
    t.refresh_expires_in = body["refresh_expires_in"].get<long>();
  return t;
}

ApiProxy::ApiProxy(dapr::Client& dapr, metrics::Registry& registry, int max_in_flight)
    : dapr_(dapr),
      registry_(registry),
      max_in_flight_(max_in_flight),
      shed_(registry.counter("api_requests_shed_total",
                             "API calls answered 503 because max_in_flight were under way")) {}

std::string ApiProxy::client_address(const httplib::Request& req) const {
  if (peers_) {
    if (auto address = peers_->find(req.remote_port)) return *address;
  }
  return req.remote_addr;
}

dapr::InvokeResult ApiProxy::invoke(const Call& call) {
  // A backend or sidecar that cannot answer is a transient dependency failure: the server
  // answers 503 with Retry-After (libs/http/dependency_error.hpp), so clients back off.
  try {
    auto r = dapr_.invoke(call.app, call.target, call.method, call.body, call.content_type,
                          call.headers);
    if (from_dapr(r)) {
      // Never passed on: Dapr's errors name apps, identities and routes of the inside.
      if (r.status >= 500) {
        spdlog::warn("invoking {} failed in Dapr: {}", call.app, r.body.substr(0, 300));
        throw http::DependencyError(call.app + " is not reachable right now", true);
      }
      spdlog::error("Dapr refused to invoke {} {}: {}", call.app, call.target,
                    r.body.substr(0, 300));
      throw http::ProblemError(500, "Internal error", "the call could not be routed");
    }
    return r;
  } catch (const dapr::DaprError& e) {
    spdlog::warn("invoking {} failed: {}", call.app, e.what());
    throw http::DependencyError("the sidecar is not reachable right now", true);
  }
}

std::optional<std::string> ApiProxy::refresh(const std::string& refresh_token,
                                             std::optional<SessionTokens>& issued) {
  std::lock_guard<std::mutex> lock(refresh_mu_);
  const auto now = std::chrono::steady_clock::now();
  for (auto it = recent_refreshes_.begin(); it != recent_refreshes_.end();) {
    it = now - it->second.at > kRefreshMemory ? recent_refreshes_.erase(it) : std::next(it);
  }
  // A request that raced the one which refreshed this session: it may run with the new access
  // token, but gets no cookies. Whoever replays an old refresh token gets no token at all.
  auto known = recent_refreshes_.find(refresh_token);
  if (known != recent_refreshes_.end()) return known->second.access_token;

  Call call{"task-service", "POST", "/api/v1/auth/refresh",
            nlohmann::json{{"refresh_token", refresh_token}}.dump()};
  const auto r = invoke(call);
  std::optional<SessionTokens> tokens;
  if (r.status == 200) {
    tokens = tokens_from_session(todo::json::parse(r.body));
  } else if (r.status >= 500) {
    // Not an answer about the token: the next call tries again.
    throw http::DependencyError("task-service could not refresh the session", true);
  }
  registry_
      .counter("session_refreshes_total", "Cookie sessions refreshed by the frontend",
               {{"outcome", tokens ? "ok" : "rejected"}})
      .inc();
  if (!tokens) return std::nullopt;
  recent_refreshes_[refresh_token] = {tokens->access_token, tokens->refresh_token, now};
  issued = tokens;
  return tokens->access_token;
}

void ApiProxy::forget_refreshes_of(const std::string& refresh_token) {
  std::lock_guard<std::mutex> lock(refresh_mu_);
  for (auto it = recent_refreshes_.begin(); it != recent_refreshes_.end();) {
    const bool of_session =
        it->first == refresh_token || it->second.new_refresh_token == refresh_token;
    it = of_session ? recent_refreshes_.erase(it) : std::next(it);
  }
}

void ApiProxy::set_session_cookies(httplib::Response& res, const SessionTokens& t, bool secure) {
  res.set_header("Set-Cookie",
                 set_cookie_header({kAccessCookie, t.access_token, t.expires_in, secure}));
  res.set_header("Set-Cookie", set_cookie_header({kRefreshCookie, t.refresh_token,
                                                  t.refresh_expires_in, secure}));
  res.set_header("Cache-Control", "no-store");
}

void ApiProxy::clear_session_cookies(httplib::Response& res, bool secure) {
  res.set_header("Set-Cookie", clear_cookie_header(kAccessCookie, secure));
  res.set_header("Set-Cookie", clear_cookie_header(kRefreshCookie, secure));
}

dapr::InvokeResult ApiProxy::invoke_as_caller(const httplib::Request& req, httplib::Response& res,
                                              Call call) {
  call.headers[http::kClientAddressHeader] = client_address(req);
  if (const auto bearer = bearer_header(req)) {
    call.headers["Authorization"] = *bearer;
    return invoke(call);
  }
  std::string access = cookie(req, kAccessCookie);
  const std::string refresh_token = cookie(req, kRefreshCookie);
  if (access.empty() && refresh_token.empty()) return invoke(call);  // task-service says 401

  if (!csrf_ok(req.method, is_cookie_client(req))) {
    throw http::ProblemError(
        403, "Forbidden",
        std::string("a cookie-authenticated change needs the ") + kClientHeader + " header");
  }
  const bool secure = secure_request(req);
  bool refreshed = false;
  auto try_refresh = [&]() -> bool {
    if (refresh_token.empty() || refreshed) return false;
    refreshed = true;
    std::optional<SessionTokens> issued;
    const auto new_access = refresh(refresh_token, issued);
    if (!new_access) return false;
    access = *new_access;
    if (issued) set_session_cookies(res, *issued, secure);
    return true;
  };
  if (access.empty() && !try_refresh()) {
    clear_session_cookies(res, secure);
    return invoke(call);
  }
  call.headers["Authorization"] = "Bearer " + access;
  auto r = invoke(call);
  if (r.status == 401 && try_refresh()) {
    call.headers["Authorization"] = "Bearer " + access;
    r = invoke(call);
  }
  if (r.status == 401) clear_session_cookies(res, secure);
  return r;
}

std::optional<std::string> ApiProxy::resolve_user(const httplib::Request& req,
                                                  httplib::Response& res) {
  const auto r = invoke_as_caller(req, res, {"task-service", "GET", "/api/v1/me"});
  if (r.status != 200) return std::nullopt;
  const auto body = todo::json::parse(r.body);
  if (!body.is_object() || !body.contains("id") || !body["id"].is_string()) return std::nullopt;
  return body["id"].get<std::string>();
}

void ApiProxy::forward(const httplib::Request& req, httplib::Response& res,
                       const PublicRoute& route) {
  Call call;
  call.app = route.app;
  call.method = req.method;
  call.target = route.target;
  call.body = req.body;
  const std::string content_type = req.get_header_value("Content-Type");
  if (!content_type.empty()) call.content_type = content_type;
  for (const char* name : {"If-Match", "Accept"}) {
    if (req.has_header(name)) call.headers[name] = req.get_header_value(name);
  }
  copy_answer(invoke_as_caller(req, res, std::move(call)), res);
}

void ApiProxy::login(const httplib::Request& req, httplib::Response& res,
                     const PublicRoute& route) {
  Call call{route.app, req.method, route.target, req.body};
  const std::string content_type = req.get_header_value("Content-Type");
  if (!content_type.empty()) call.content_type = content_type;
  call.headers[http::kClientAddressHeader] = client_address(req);
  const auto r = invoke(call);
  if (!is_cookie_client(req) || r.status < 200 || r.status >= 300) {
    copy_answer(r, res);  // API clients get task-service's answer, tokens included
    return;
  }
  auto body = todo::json::parse(r.body);
  const auto tokens = tokens_from_session(body);
  if (!tokens) {
    copy_answer(r, res);
    return;
  }
  set_session_cookies(res, *tokens, secure_request(req));
  // The page gets who signed in and for how long, never the tokens themselves.
  body.erase("access_token");
  body.erase("refresh_token");
  body.erase("token_type");
  auto loc = r.headers.find("location");
  if (loc != r.headers.end()) res.set_header("Location", loc->second);
  http::send_json(res, r.status, body);
}

void ApiProxy::logout(const httplib::Request& req, httplib::Response& res,
                      const PublicRoute& route) {
  const auto body = todo::json::parse(req.body);
  const bool has_token = body.is_object() && body.contains("refresh_token");
  if (has_token || !is_cookie_client(req)) {
    if (has_token && body["refresh_token"].is_string())
      forget_refreshes_of(body["refresh_token"].get<std::string>());
    Call call{route.app, req.method, route.target, req.body};
    const std::string content_type = req.get_header_value("Content-Type");
    if (!content_type.empty()) call.content_type = content_type;
    copy_answer(invoke(call), res);
    if (is_cookie_client(req)) clear_session_cookies(res, secure_request(req));
    return;
  }
  const std::string refresh_token = cookie(req, kRefreshCookie);
  if (!refresh_token.empty()) {
    forget_refreshes_of(refresh_token);
    invoke(
        {route.app, "POST", route.target, nlohmann::json{{"refresh_token", refresh_token}}.dump()});
  }
  clear_session_cookies(res, secure_request(req));
  res.status = 204;
}

void ApiProxy::handle(const httplib::Request& req, httplib::Response& res) {
  // Overload is shed here, early: queued calls would wait for the sidecar until its 10 s
  // timeout (and daprd 1.18.1 can crash when a timeout fires while it writes an answer).
  struct InFlight {
    std::atomic<int>& count;
    ~InFlight() { --count; }
  } in_flight{in_flight_};
  if (++in_flight_ > max_in_flight_) {
    shed_.inc();
    res.set_header("Retry-After", "1");
    throw http::ProblemError(503, "Service unavailable", "the server is busy; retry shortly");
  }
  const auto routed = route_public_request(req.method, req.target);
  if (const auto* refusal = std::get_if<RouteRefusal>(&routed)) {
    const char* title = refusal->status == 400   ? "Bad request"
                        : refusal->status == 405 ? "Method not allowed"
                                                 : "Not found";
    throw http::ProblemError(refusal->status, title, refusal->detail);
  }
  if (!todo::json::nesting_within(req.body)) {
    throw http::ProblemError(400, "Malformed JSON",
                             "the request body nests arrays or objects deeper than " +
                                 std::to_string(todo::json::kMaxDepth) + " levels");
  }
  const auto& route = std::get<PublicRoute>(routed);
  const std::string path = route.target.substr(0, route.target.find('?'));
  if (path == "/api/v1/auth/login" || path == "/api/v1/auth/signup") {
    login(req, res, route);
  } else if (path == "/api/v1/auth/logout") {
    logout(req, res, route);
  } else {
    forward(req, res, route);
  }
}

void ApiProxy::install(http::Server& server) {
  auto handler = [this](const httplib::Request& q, httplib::Response& s) { handle(q, s); };
  // Every method, so that a path off the allow-list is a 404 and not httplib's bare answer.
  const std::string pattern = R"(/api(/.*)?)";
  server.get(pattern, handler);
  server.post(pattern, handler);
  server.put(pattern, handler);
  server.patch(pattern, handler);
  server.del(pattern, handler);
  server.options(pattern, handler);
}

}  // namespace todo::frontend
