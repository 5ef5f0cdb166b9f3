#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "http/problem.hpp"
#include "users/channels.hpp"
#include "users/user.hpp"

using namespace todo::tasksvc;
using nlohmann::json;

TEST_CASE("new accounts get email and in-app on, push off", "[task-service][users][channels]") {
  CHECK(default_channels() == json({{"email", {{"enabled", true}, {"address", nullptr}}},
                                    {"push", {{"enabled", false}, {"topic", nullptr}}},
                                    {"in_app", {{"enabled", true}}}}));
}

TEST_CASE("the effective email address is the account's unless set",
          "[task-service][users][channels]") {
  auto channels = effective_channels(default_channels(), "ada@example.org");
  CHECK(channels["email"]["address"] == "ada@example.org");
  auto stored = default_channels();
  stored["email"]["address"] = "alerts@example.org";
  CHECK(effective_channels(stored, "ada@example.org")["email"]["address"] == "alerts@example.org");
  // Rows missing members (older shapes) are completed with the defaults.
  channels = effective_channels({{"push", {{"enabled", true}, {"topic", "t"}}}}, "a@b.co");
  CHECK(channels["in_app"]["enabled"] == true);
  CHECK(channels["push"]["topic"] == "t");
  CHECK(channels["email"]["address"] == "a@b.co");
}

TEST_CASE("a channels patch merges member by member", "[task-service][users][channels]") {
  auto stored = default_channels();
  stored["push"]["topic"] = "phone";
  const auto merged = merge_channels(
      stored, {{"push", {{"enabled", true}}}, {"email", {{"address", "x@example.org"}}}});
  CHECK(merged["push"] == json({{"enabled", true}, {"topic", "phone"}}));
  CHECK(merged["email"] == json({{"enabled", true}, {"address", "x@example.org"}}));
  CHECK(merged["in_app"] == json({{"enabled", true}}));
  CHECK_NOTHROW(check_channels(merged));
  CHECK(merge_channels(merged, {{"email", {{"address", nullptr}}}})["email"]["address"].is_null());
}

TEST_CASE("push enabled without a topic is refused after merging",
          "[task-service][users][channels]") {
  const auto merged = merge_channels(default_channels(), {{"push", {{"enabled", true}}}});
  try {
    check_channels(merged);
    FAIL("expected a 422");
  } catch (const todo::http::ProblemError& problem) {
    CHECK(problem.status() == 422);
    CHECK(problem.extra()["errors"][0]["field"] == "channels.push.topic");
  }
  CHECK_NOTHROW(check_channels(default_channels()));
}

TEST_CASE("a user's JSON never carries a password hash", "[task-service][users]") {
  const User user{"8d3f7a52-6c1e-4b8a-9f0d-2e5c7b1a4d36",
                  "Ada@Example.org",
                  "Ada",
                  "Europe/London",
                  default_channels(),
                  "2026-01-02T03:04:05Z"};
  const json out = to_json(user);
  CHECK(out == json({{"id", user.id},
                     {"email", "Ada@Example.org"},
                     {"name", "Ada"},
                     {"time_zone", "Europe/London"},
                     {"channels", effective_channels(default_channels(), "Ada@Example.org")},
                     {"created_at", "2026-01-02T03:04:05Z"}}));
  CHECK_FALSE(out.contains("password_hash"));
}
