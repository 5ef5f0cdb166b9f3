#include "api_proxy.hpp"

#include <spdlog/spdlog.h>

#include "http/problem.hpp"
#include "session.hpp"

namespace todo::frontend {
namespace {

constexpr auto kRefreshMemory = std::chrono::seconds(60);

bool is_cookie_client(const httplib::Request& req) {
  return req.has_header(kClientHeader);
}

bool secure_request(const httplib::Request& req) {
  return came_over_tls(req.get_header_value("X-Forwarded-Proto"));
}

std::string cookie(const httplib::Request& req, const char* name) {
  return cookie_value(req.get_header_value("Cookie"), name).value_or("");
}

bool dapr_failed(const dapr::InvokeResult& r) {
  return r.status == 500 && r.body.find("\"errorCode\":\"ERR_") != std::string::npos;
}

void copy_answer(const dapr::InvokeResult& r, httplib::Response& res) {
  res.status = r.status;
  for (const char* name : {"etag", "location", "www-authenticate", "cache-control"}) {
    auto h = r.headers.find(name);
    if (h != r.headers.end()) res.set_header(name, h->second);
  }
  if (r.status == 204 || r.body.empty()) {
    res.body.clear();
    return;
  }
  res.set_content(r.body, r.content_type.empty() ? "application/json" : r.content_type);
}

}  // namespace

std::string backend_for(const std::string& path) {
  if (path.rfind("/api/v1/notifications", 0) == 0) return "notification-service";
  return "task-service";
}

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

ApiProxy::ApiProxy(dapr::Client& dapr, metrics::Registry& registry)
    : dapr_(dapr), registry_(registry) {}

dapr::InvokeResult ApiProxy::invoke(const Call& call) {
  try {
    auto r = dapr_.invoke(call.app, call.target, call.method, call.body, call.content_type,
                          call.headers);
    if (dapr_failed(r)) {
      spdlog::warn("invoking {} failed in Dapr: {}", call.app, r.body.substr(0, 300));
      throw http::ProblemError(502, "Bad gateway", call.app + " is not reachable right now");
    }
    return r;
  } catch (const dapr::DaprError& e) {
    spdlog::warn("invoking {} failed: {}", call.app, e.what());
    throw http::ProblemError(502, "Bad gateway", "the sidecar is not reachable right now");
  }
}

std::optional<SessionTokens> ApiProxy::refresh(const std::string& refresh_token) {
  std::lock_guard<std::mutex> lock(refresh_mu_);
  const auto now = std::chrono::steady_clock::now();
  for (auto it = recent_refreshes_.begin(); it != recent_refreshes_.end();) {
    it = now - it->second.at > kRefreshMemory ? recent_refreshes_.erase(it) : std::next(it);
  }
  auto known = recent_refreshes_.find(refresh_token);
  if (known != recent_refreshes_.end()) return known->second.tokens;

  Call call{"task-service", "POST", "/api/v1/auth/refresh",
            nlohmann::json{{"refresh_token", refresh_token}}.dump()};
  const auto r = invoke(call);
  std::optional<SessionTokens> tokens;
  if (r.status == 200) {
    tokens = tokens_from_session(nlohmann::json::parse(r.body, nullptr, false));
  } else if (r.status >= 500) {
    // Not an answer about the token: do not remember it, the next call tries again.
    throw http::ProblemError(502, "Bad gateway", "task-service could not refresh the session");
  }
  registry_
      .counter("session_refreshes_total", "Cookie sessions refreshed by the frontend",
               {{"outcome", tokens ? "ok" : "rejected"}})
      .inc();
  recent_refreshes_[refresh_token] = {tokens, now};
  return tokens;
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
  if (req.has_header("Authorization")) {
    call.headers["Authorization"] = req.get_header_value("Authorization");
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
    const auto tokens = refresh(refresh_token);
    if (!tokens) return false;
    access = tokens->access_token;
    set_session_cookies(res, *tokens, secure);
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
  const auto body = nlohmann::json::parse(r.body, nullptr, false);
  if (!body.is_object() || !body.contains("id") || !body["id"].is_string()) return std::nullopt;
  return body["id"].get<std::string>();
}

void ApiProxy::forward(const httplib::Request& req, httplib::Response& res) {
  Call call;
  call.app = backend_for(req.path);
  call.method = req.method;
  // req.target keeps the raw query string, so filters reach the backend unchanged.
  call.target = req.target;
  call.body = req.body;
  const std::string content_type = req.get_header_value("Content-Type");
  if (!content_type.empty()) call.content_type = content_type;
  for (const char* name : {"If-Match", "Accept"}) {
    if (req.has_header(name)) call.headers[name] = req.get_header_value(name);
  }
  copy_answer(invoke_as_caller(req, res, std::move(call)), res);
}

void ApiProxy::login(const httplib::Request& req, httplib::Response& res) {
  Call call{"task-service", req.method, req.target, req.body};
  const std::string content_type = req.get_header_value("Content-Type");
  if (!content_type.empty()) call.content_type = content_type;
  const auto r = invoke(call);
  if (!is_cookie_client(req) || r.status < 200 || r.status >= 300) {
    copy_answer(r, res);  // API clients get task-service's answer, tokens included
    return;
  }
  auto body = nlohmann::json::parse(r.body, nullptr, false);
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

void ApiProxy::logout(const httplib::Request& req, httplib::Response& res) {
  const auto body = nlohmann::json::parse(req.body, nullptr, false);
  const bool has_token = body.is_object() && body.contains("refresh_token");
  if (has_token || !is_cookie_client(req)) {
    Call call{"task-service", req.method, req.target, req.body};
    const std::string content_type = req.get_header_value("Content-Type");
    if (!content_type.empty()) call.content_type = content_type;
    copy_answer(invoke(call), res);
    if (is_cookie_client(req)) clear_session_cookies(res, secure_request(req));
    return;
  }
  const std::string refresh_token = cookie(req, kRefreshCookie);
  if (!refresh_token.empty()) {
    invoke({"task-service", "POST", "/api/v1/auth/logout",
            nlohmann::json{{"refresh_token", refresh_token}}.dump()});
  }
  clear_session_cookies(res, secure_request(req));
  res.status = 204;
}

void ApiProxy::install(http::Server& server) {
  server.post("/api/v1/auth/login",
              [this](const httplib::Request& q, httplib::Response& s) { login(q, s); });
  server.post("/api/v1/auth/signup",
              [this](const httplib::Request& q, httplib::Response& s) { login(q, s); });
  server.post("/api/v1/auth/logout",
              [this](const httplib::Request& q, httplib::Response& s) { logout(q, s); });
  auto fwd = [this](const httplib::Request& q, httplib::Response& s) { forward(q, s); };
  const std::string pattern = R"(/api/.*)";
  server.get(pattern, fwd);
  server.post(pattern, fwd);
  server.put(pattern, fwd);
  server.patch(pattern, fwd);
  server.del(pattern, fwd);
}

}  // namespace todo::frontend
