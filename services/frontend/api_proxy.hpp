#pragma once
// Forwards the browser's /api/* calls to the backend apps by Dapr service invocation, so the
// browser talks to one origin and the backends stay reachable only through their sidecars.
//
// Sessions (docs/frontend.md): API clients send `Authorization: Bearer` and get tokens in the
// JSON of login/signup, exactly as task-service answers. The web app sends X-Requested-With
// instead; for it the tokens go into HttpOnly cookies (never into the page), the proxy turns
// the cookie into a bearer header, refreshes an expired access token by itself, and logout
// revokes the refresh token and clears the cookies.
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "dapr/client.hpp"
#include "http/server.hpp"
#include "metrics/metrics.hpp"
#include "peer_addresses.hpp"
#include "public_routes.hpp"

namespace todo::frontend {

struct SessionTokens {
  std::string access_token;
  std::string refresh_token;
  long expires_in = 900;
  long refresh_expires_in = 30L * 24 * 3600;
};

// Reads the tokens out of a task-service session answer; nullopt when they are not there.
std::optional<SessionTokens> tokens_from_session(const nlohmann::json& body);

class ApiProxy {
 public:
  // At most `max_in_flight` API calls are forwarded at once; more are shed at once with 503
  // and Retry-After rather than queued behind the sidecar until they time out.
  ApiProxy(dapr::Client& dapr, metrics::Registry& registry, int max_in_flight = 64);

  // Registers every /api route on `server`.
  void install(http::Server& server);

  // Behind the connection gate every request comes from 127.0.0.1: the client's own address
  // is found here by the request's remote port (the gate's upstream connection). Without it,
  // or for a connection the gate did not open, the peer address is the client's.
  void use_peer_addresses(const PeerAddresses* peers) { peers_ = peers; }
  std::string client_address(const httplib::Request& req) const;

  // The caller's user id, from a bearer header or the session cookies (refreshing them when
  // needed; new cookies are set on `res`). nullopt when the caller is not signed in; throws
  // http::DependencyError (answered 503 with Retry-After) when task-service cannot be reached.
  std::optional<std::string> resolve_user(const httplib::Request& req, httplib::Response& res);

 private:
  struct Call {
    std::string app;
    std::string method;
    std::string target;
    std::string body = "";
    std::string content_type = "application/json";
    std::map<std::string, std::string> headers = {};
  };
  dapr::InvokeResult invoke(const Call& call);
  // Runs `call` as the caller of `req`: bearer header as is, or cookie session (adds the bearer,
  // refreshes on expiry, sets or clears cookies on `res`).
  dapr::InvokeResult invoke_as_caller(const httplib::Request& req, httplib::Response& res,
                                      Call call);
  // The new access token for a session, refreshing it with task-service or, for a request that
  // raced the refresh, from the last few seconds' memory. `issued` is set only for the request
  // that did the refresh: only it hands cookies back.
  std::optional<std::string> refresh(const std::string& refresh_token,
                                     std::optional<SessionTokens>& issued);
  // Drops what the refresh memory holds for a session that is logging out.
  void forget_refreshes_of(const std::string& refresh_token);
  void set_session_cookies(httplib::Response& res, const SessionTokens& t, bool secure);
  void clear_session_cookies(httplib::Response& res, bool secure);

  // Checks the request against the allow-list (public_routes.hpp), then one of the three below.
  void handle(const httplib::Request& req, httplib::Response& res);
  void forward(const httplib::Request& req, httplib::Response& res, const PublicRoute& route);
  void login(const httplib::Request& req, httplib::Response& res, const PublicRoute& route);
  void logout(const httplib::Request& req, httplib::Response& res, const PublicRoute& route);

  dapr::Client& dapr_;
  metrics::Registry& registry_;
  const PeerAddresses* peers_ = nullptr;
  const int max_in_flight_;
  std::atomic<int> in_flight_{0};
  metrics::Counter& shed_;
  // Refresh tokens are single-use: concurrent calls with the same expired session must share
  // one refresh, so its access token is remembered for seconds under the old refresh token.
  std::mutex refresh_mu_;
  struct Refreshed {
    std::string access_token;
    std::string new_refresh_token;  // to forget the entry when that session logs out
    std::chrono::steady_clock::time_point at;
  };
  std::map<std::string, Refreshed> recent_refreshes_;
};

}  // namespace todo::frontend
