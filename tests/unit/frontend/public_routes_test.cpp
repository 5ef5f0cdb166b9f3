// The public door's allow-list (services/frontend/public_routes.hpp).
#include "public_routes.hpp"

#include <catch2/catch.hpp>

using todo::frontend::is_clean_api_path;
using todo::frontend::PublicRoute;
using todo::frontend::route_public_request;
using todo::frontend::RouteRefusal;

namespace {

int refusal_status(const std::string& method, const std::string& target) {
  const auto routed = route_public_request(method, target);
  const auto* refusal = std::get_if<RouteRefusal>(&routed);
  return refusal ? refusal->status : 0;
}

}  // namespace

TEST_CASE("public routes go to their app with the query kept", "[frontend][security]") {
  const auto tasks =
      std::get<PublicRoute>(route_public_request("GET", "/api/v1/tasks?tag=a&x=%20"));
  CHECK(tasks.app == "task-service");
  CHECK(tasks.target == "/api/v1/tasks?tag=a&x=%20");
  const auto read = std::get<PublicRoute>(
      route_public_request("POST", "/api/v1/notifications/rem-1:email.2/read"));
  CHECK(read.app == "notification-service");
  const auto all =
      std::get<PublicRoute>(route_public_request("POST", "/api/v1/notifications/read-all"));
  CHECK(all.app == "notification-service");
  const auto done = std::get<PublicRoute>(
      route_public_request("POST", "/api/v1/tasks/0b7e6c3a-8f4e-4c1d-9a55-6c2f0e1d2b3a/complete"));
  CHECK(done.target == "/api/v1/tasks/0b7e6c3a-8f4e-4c1d-9a55-6c2f0e1d2b3a/complete");
}

TEST_CASE("dot segments, escapes and backslashes are refused with 400", "[frontend][security]") {
  for (const char* target :
       {"/api/../events/task-commands", "/api/%2e%2e/events/task-commands",
        "/api/%2E%2E/events/reminders", "/api/..%2fevents/user-events",
        "/api/v1/..%2F..%2Fevents%2Ftask-updates", "/api/v1/tasks/..\\..\\events",
        "/api/./v1/tasks", "/api/v1/%2e/tasks", "/api//v1/tasks", "/api/v1/tasks/",
        "/api/v1/t%61sks", "/api/v1/tasks/a b", "/api/v1/tasks?x=\x01"}) {
    INFO(target);
    CHECK(refusal_status("GET", target) == 400);
  }
}

TEST_CASE("paths off the list are 404 and wrong methods 405", "[frontend][security]") {
  for (const char* target :
       {"/api/dapr/subscribe", "/api/metrics", "/api/readyz", "/api/events/task-commands",
        "/api/v1/tasks/x/y/z", "/api/v2/tasks", "/api/v1/tasks/not_a_uuid"}) {
    INFO(target);
    CHECK(refusal_status("GET", target) == 404);
  }
  CHECK(refusal_status("DELETE", "/api/v1/tags") == 405);
  CHECK(refusal_status("GET", "/api/v1/auth/login") == 405);
  CHECK(refusal_status("TRACE", "/api/v1/tasks") == 405);
}

TEST_CASE("a clean API path has plain segments only", "[frontend][security]") {
  CHECK(is_clean_api_path("/api/v1/events"));
  CHECK_FALSE(is_clean_api_path("/api"));
  CHECK_FALSE(is_clean_api_path("/events/task-updates"));
  CHECK_FALSE(is_clean_api_path("/api/v1/%65vents"));
  CHECK_FALSE(is_clean_api_path("/api/v1/.."));
}
