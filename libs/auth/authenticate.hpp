#pragma once
// Who is calling: every /api/v1 route except sign-up, login, refresh and logout starts here.
#include <httplib.h>

#include <functional>
#include <string>

#include "auth/tokens.hpp"
#include "http/server.hpp"

namespace todo::auth {

// The user id of a valid `Authorization: Bearer <access token>` (scheme case-insensitive).
// Throws http::ProblemError(401, "Unauthorized", detail) with no extra members, where detail is
// "missing bearer token" (no header, or another scheme) or "invalid or expired token".
// RFC 7235 wants a WWW-Authenticate header on every 401; this overload cannot set it (it has no
// response), so prefer the one below or authenticated().
std::string require_user(const httplib::Request& req, const TokenIssuer& issuer);

// The same, and on failure also sets `WWW-Authenticate: Bearer` (missing token) or
// `Bearer error="invalid_token"` (RFC 6750 §3) on `res` before throwing.
std::string require_user(const httplib::Request& req, httplib::Response& res,
                         const TokenIssuer& issuer);

// Sets `WWW-Authenticate: Bearer` and throws ProblemError(401, "Unauthorized", detail).
[[noreturn]] void throw_unauthorized(httplib::Response& res, const std::string& detail);

// A route handler that runs only for an authenticated caller and receives the caller's id.
using AuthenticatedHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const std::string& user_id)>;
// Wraps `handler` with require_user(req, res, issuer). `issuer` must outlive the server.
http::Server::Handler authenticated(const TokenIssuer& issuer, AuthenticatedHandler handler);

}  // namespace todo::auth
