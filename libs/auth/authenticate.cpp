#include "auth/authenticate.hpp"

#include <optional>

#include "auth/session_revocations.hpp"
#include "http/problem.hpp"
#include "tasks/text.hpp"

namespace todo::auth {
namespace {

constexpr const char* kMissing = "missing bearer token";
constexpr const char* kInvalid = "invalid or expired token";

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The credentials of a Bearer Authorization header; nullopt when there is none.
std::optional<std::string> bearer_token(const httplib::Request& req) {
  if (!req.has_header("Authorization")) return std::nullopt;
  const std::string value = tasks::trim_ascii_whitespace(req.get_header_value("Authorization"));
  const size_t space = value.find(' ');
  if (space == std::string::npos || !iequals_ascii(value.substr(0, space), "Bearer"))
    return std::nullopt;
  std::string token = tasks::trim_ascii_whitespace(std::string_view(value).substr(space + 1));
  if (token.empty()) return std::nullopt;
  return token;
}

// Either the user id, or the reason it is missing, so both overloads share one decision.
struct Outcome {
  std::string user_id;
  const char* failure = nullptr;
};

Outcome check(const httplib::Request& req, const TokenIssuer& issuer) {
  const auto token = bearer_token(req);
  if (!token) return {{}, kMissing};
  const auto claims = issuer.verify_access(*token);
  if (!claims) return {{}, kInvalid};
  // May throw a transient DependencyError (the store is away): answered 503, not 401.
  if (!claims->session_id.empty() && issuer.revocations() &&
      issuer.revocations()->ended(claims->session_id)) {
    return {{}, kInvalid};
  }
  return {claims->user_id, nullptr};
}

}  // namespace

std::string require_user(const httplib::Request& req, const TokenIssuer& issuer) {
  Outcome outcome = check(req, issuer);
  if (outcome.failure) throw http::ProblemError(401, "Unauthorized", outcome.failure);
  return std::move(outcome.user_id);
}

std::string require_user(const httplib::Request& req, httplib::Response& res,
                         const TokenIssuer& issuer) {
  Outcome outcome = check(req, issuer);
  if (outcome.failure == kInvalid) {
    res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    throw http::ProblemError(401, "Unauthorized", outcome.failure);
  }
  if (outcome.failure) throw_unauthorized(res, outcome.failure);
  return std::move(outcome.user_id);
}

void throw_unauthorized(httplib::Response& res, const std::string& detail) {
  res.set_header("WWW-Authenticate", "Bearer");
  throw http::ProblemError(401, "Unauthorized", detail);
}

http::Server::Handler authenticated(const TokenIssuer& issuer, AuthenticatedHandler handler) {
  return
      [&issuer, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        const std::string user_id = require_user(req, res, issuer);
        handler(req, res, user_id);
      };
}

}  // namespace todo::auth
