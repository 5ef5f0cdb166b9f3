#include <catch2/catch.hpp>

#include "auth/authenticate.hpp"
#include "http/problem.hpp"

using namespace todo;
using todo::http::ProblemError;

namespace {

const auth::TokenIssuer kIssuer("0123456789abcdef0123456789abcdef");
const std::string kUser = "8d3f7a52-6c1e-4b8a-9f0d-2e5c7b1a4d36";

httplib::Request with_authorization(const std::string& value) {
  httplib::Request req;
  req.set_header("Authorization", value);
  return req;
}

// The detail of the 401 auth::require_user throws, checking the problem's shape on the way.
std::string rejection(const httplib::Request& req) {
  try {
    auth::require_user(req, kIssuer);
  } catch (const ProblemError& problem) {
    CHECK(problem.status() == 401);
    CHECK(problem.title() == "Unauthorized");
    CHECK(problem.extra().is_null());
    return problem.detail();
  }
  FAIL("expected a 401");
  return {};
}

}  // namespace

TEST_CASE("a valid bearer token names its user", "[task-service][auth]") {
  const std::string token = kIssuer.issue_access(kUser);
  CHECK(auth::require_user(with_authorization("Bearer " + token), kIssuer) == kUser);
  CHECK(auth::require_user(with_authorization("bearer " + token), kIssuer) == kUser);
  CHECK(auth::require_user(with_authorization("  Bearer   " + token + " "), kIssuer) == kUser);
}

TEST_CASE("a missing or non-bearer credential is a missing token", "[task-service][auth]") {
  CHECK(rejection(httplib::Request()) == "missing bearer token");
  CHECK(rejection(with_authorization("")) == "missing bearer token");
  CHECK(rejection(with_authorization("Bearer")) == "missing bearer token");
  CHECK(rejection(with_authorization("Bearer   ")) == "missing bearer token");
  CHECK(rejection(with_authorization("Basic YWxpY2U6c2VjcmV0")) == "missing bearer token");
  CHECK(rejection(with_authorization(kIssuer.issue_access(kUser))) == "missing bearer token");
}

TEST_CASE("a bad or expired bearer token is an invalid token", "[task-service][auth]") {
  CHECK(rejection(with_authorization("Bearer nonsense")) == "invalid or expired token");
  const auth::TokenIssuer expired("0123456789abcdef0123456789abcdef", std::chrono::seconds(-1));
  CHECK(rejection(with_authorization("Bearer " + expired.issue_access(kUser))) ==
        "invalid or expired token");
  const auth::TokenIssuer other("another key, also thirty-two bytes long");
  CHECK(rejection(with_authorization("Bearer " + other.issue_access(kUser))) ==
        "invalid or expired token");
}

TEST_CASE("the response overload sets the RFC 6750 challenge", "[task-service][auth]") {
  httplib::Response missing;
  CHECK_THROWS_AS(auth::require_user(httplib::Request(), missing, kIssuer), ProblemError);
  CHECK(missing.get_header_value("WWW-Authenticate") == "Bearer");

  httplib::Response invalid;
  CHECK_THROWS_AS(auth::require_user(with_authorization("Bearer x.y.z"), invalid, kIssuer),
                  ProblemError);
  CHECK(invalid.get_header_value("WWW-Authenticate") == "Bearer error=\"invalid_token\"");

  httplib::Response ok;
  CHECK(auth::require_user(with_authorization("Bearer " + kIssuer.issue_access(kUser)), ok,
                           kIssuer) == kUser);
  CHECK_FALSE(ok.has_header("WWW-Authenticate"));
}

TEST_CASE("authenticated() passes the caller's id or refuses", "[task-service][auth]") {
  std::string seen;
  const auto handler =
      auth::authenticated(kIssuer, [&seen](const httplib::Request&, httplib::Response&,
                                           const std::string& user_id) { seen = user_id; });
  httplib::Response res;
  handler(with_authorization("Bearer " + kIssuer.issue_access(kUser)), res);
  CHECK(seen == kUser);

  seen.clear();
  httplib::Response refused;
  CHECK_THROWS_AS(handler(httplib::Request(), refused), ProblemError);
  CHECK(seen.empty());
  CHECK(refused.get_header_value("WWW-Authenticate") == "Bearer");
}
