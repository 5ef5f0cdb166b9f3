#pragma once
// The account routes: sign-up, login, token refresh, logout, and the caller's profile.
//
//   POST  /api/v1/auth/signup  {"email","password","name"?,"time_zone"?}  -> 201 session
//   POST  /api/v1/auth/login   {"email","password"}                     -> 200 session
//   POST  /api/v1/auth/refresh {"refresh_token"}                        -> 200 session
//   POST  /api/v1/auth/logout  {"refresh_token"}                        -> 204
//   GET   /api/v1/me                                (Bearer)            -> 200 user
//   PATCH /api/v1/me           {"name"?,"time_zone"?,"channels"?}      (Bearer) -> 200 user
//
// A session answer is {"user", "access_token", "token_type": "Bearer", "expires_in" (seconds),
// "refresh_token", "refresh_expires_in" (seconds)}, sent with Cache-Control: no-store.
// Each refresh token works once: /auth/refresh revokes it and answers a new pair.
#include "auth/tokens.hpp"
#include "http/server.hpp"
#include "users/user_store.hpp"

namespace todo::tasksvc {

// `users` and `tokens` must outlive `server`. Hashes a dummy password once (about 0.1 s), so that
// a login for an unknown email costs the same as one with a wrong password.
void install_auth_routes(http::Server& server, UserStore& users, const auth::TokenIssuer& tokens);

}  // namespace todo::tasksvc
