// Ending a session ends its access tokens (libs/auth/session_revocations.hpp).
#include <catch2/catch.hpp>
#include <set>

#include "auth/authenticate.hpp"
#include "auth/session_revocations.hpp"
#include "http/dependency_error.hpp"
#include "http/problem.hpp"

using namespace todo;

namespace {

const std::string kUser = "8d3f7a52-6c1e-4b8a-9f0d-2e5c7b1a4d36";
const std::string kSession = "0b7e6c3a-8f4e-4c1d-9a55-6c2f0e1d2b3a";
const std::string kOtherSession = "5f0c9d1e-2a3b-4c5d-8e6f-7a8b9c0d1e2f";

// The shared store, as another replica (or service) would see it.
struct SharedStore {
  std::set<std::string> ended;
  int lookups = 0;
  auth::SessionRevocations client(std::chrono::steady_clock::time_point& now) {
    return auth::SessionRevocations(
        [this](const std::string& id) {
          ++lookups;
          return ended.count(id) > 0;
        },
        [this](const std::string& id, std::chrono::seconds) { ended.insert(id); },
        std::chrono::seconds(1), [&now] { return now; });
  }
};

httplib::Request bearer(const std::string& token) {
  httplib::Request req;
  req.set_header("Authorization", "Bearer " + token);
  return req;
}

}  // namespace

TEST_CASE("an ended session's access tokens are refused", "[auth][sessions][security]") {
  SharedStore store;
  auto now = std::chrono::steady_clock::now();
  auto revocations = store.client(now);
  auth::TokenIssuer issuer("0123456789abcdef0123456789abcdef");
  issuer.check_sessions_with(&revocations);
  const std::string token = issuer.issue_access(kUser, kSession);
  const std::string other = issuer.issue_access(kUser, kOtherSession);
  CHECK(issuer.verify_access(token)->session_id == kSession);
  CHECK(auth::require_user(bearer(token), issuer) == kUser);
  revocations.end(kSession, std::chrono::minutes(15));
  CHECK_THROWS_AS(auth::require_user(bearer(token), issuer), http::ProblemError);
  CHECK(auth::require_user(bearer(other), issuer) == kUser);
}

TEST_CASE("another replica learns of an ending within a second", "[auth][sessions][security]") {
  SharedStore store;
  auto now = std::chrono::steady_clock::now();
  auto here = store.client(now);
  auto there = store.client(now);
  CHECK_FALSE(here.ended(kSession));
  CHECK_FALSE(here.ended(kSession));
  CHECK(store.lookups == 1);  // remembered for a second
  there.end(kSession, std::chrono::minutes(15));
  now += std::chrono::milliseconds(1001);
  CHECK(here.ended(kSession));
  CHECK(store.lookups == 2);
  now += std::chrono::hours(1);
  CHECK(here.ended(kSession));  // an ending is never forgotten by a replica that saw it
  CHECK(store.lookups == 2);
}

TEST_CASE("a token's sid must be a UUID", "[auth][sessions]") {
  auth::TokenIssuer issuer("0123456789abcdef0123456789abcdef");
  CHECK_THROWS_AS(issuer.issue_access(kUser, "not-a-uuid"), std::invalid_argument);
  CHECK(issuer.verify_access(issuer.issue_access(kUser))->session_id.empty());
}

TEST_CASE("a store that is away fails open, and logout still works", "[auth][sessions]") {
  auto now = std::chrono::steady_clock::now();
  int asked = 0;
  auth::SessionRevocations revocations(
      [&asked](const std::string&) -> bool {
        ++asked;
        throw http::DependencyError("the sidecar is away", true);
      },
      [](const std::string&, std::chrono::seconds) {
        throw http::DependencyError("the sidecar is away", true);
      },
      std::chrono::seconds(1), [&now] { return now; });
  CHECK_FALSE(revocations.ended(kSession));
  CHECK_FALSE(revocations.ended(kSession));
  CHECK(asked == 1);  // not asked again within the second
  CHECK_NOTHROW(revocations.end(kSession, std::chrono::minutes(15)));
  CHECK(revocations.ended(kSession));  // this replica knows
}
