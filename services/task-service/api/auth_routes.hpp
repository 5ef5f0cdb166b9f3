#pragma once
// The account routes: sign-up, login, token refresh, logout, and the caller's profile.
//
//   POST  /api/v1/auth/signup  {"email","password","name"?,"time_zone"?}  -> 202 {"email",
//         "message"}, alike whether the email was new or not; no session (sign in next)
//   POST  /api/v1/auth/login   {"email","password"}                     -> 200 session
//   POST  /api/v1/auth/refresh {"refresh_token"}                        -> 200 session
//   POST  /api/v1/auth/logout  {"refresh_token"}                        -> 204
//   GET   /api/v1/me                                (Bearer)            -> 200 user
//   PATCH /api/v1/me           {"name"?,"time_zone"?,"channels"?}      (Bearer) -> 200 user
//
// A session answer is {"user", "access_token", "token_type": "Bearer", "expires_in" (seconds),
// "refresh_token", "refresh_expires_in" (seconds)}, sent with Cache-Control: no-store.
// Each refresh token works once: /auth/refresh revokes it and answers a new pair.
//
// Throttled (429 with Retry-After, counters shared by every replica): per client address
// (http/client_address.hpp) sign-ups, logins and refreshes; failed logins
// per account and client address, after which even the right password waits for the
// window to pass from that address (the owner elsewhere is not locked out).
#include "auth/attempt_limiter.hpp"
#include "auth/tokens.hpp"
#include "http/server.hpp"
#include "users/user_store.hpp"

namespace todo::tasksvc {

inline constexpr auth::AttemptRule kSignupsPerAddress{"signup-address", 10,
                                                      std::chrono::minutes(10)};
inline constexpr auth::AttemptRule kLoginsPerAddress{"login-address", 30, std::chrono::minutes(1)};
inline constexpr auth::AttemptRule kRefreshesPerAddress{"refresh-address", 120,
                                                        std::chrono::minutes(1)};
inline constexpr auth::AttemptRule kFailedLoginsPerAccount{"login-account", 10,
                                                           std::chrono::minutes(15)};

// `users`, `tokens` and `limiter` must outlive `server`. Hashes a dummy password once (about
// 0.1 s), so that a login for an unknown email costs the same as one with a wrong password.
void install_auth_routes(http::Server& server, UserStore& users, const auth::TokenIssuer& tokens,
                         auth::AttemptLimiter& limiter);

}  // namespace todo::tasksvc
