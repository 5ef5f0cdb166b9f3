#include "tasks/snooze.hpp"

#include <catch2/catch.hpp>

#include "http/problem.hpp"
#include "time/rfc3339.hpp"

using namespace todo;
using namespace todo::tasks;
using nlohmann::json;

namespace {

const time::Instant kNow = *time::parse_rfc3339("2026-03-28T20:00:00Z");  // a Saturday evening

std::string snoozed_until(const json& body, const std::string& zone = "Europe/London") {
  return time::format_rfc3339(parse_snooze(body, zone, kNow));
}

std::string rejected_field(const json& body) {
  try {
    parse_snooze(body, "Europe/London", kNow);
  } catch (const errors::DomainError& error) {
    const auto e = http::problem_for(error);
    CHECK(e.status() == 422);
    return e.extra()["errors"][0]["field"];
  }
  FAIL("accepted " << body.dump());
  return "";
}

}  // namespace

TEST_CASE("snooze bodies name an instant", "[tasks][snooze]") {
  CHECK(snoozed_until({{"for", "PT10M"}}) == "2026-03-28T20:10:00Z");
  CHECK(snoozed_until({{"until", "2026-03-29T18:00:00+01:00"}}) == "2026-03-29T17:00:00Z");
  CHECK(snoozed_until({{"until_local", "2026-03-29T18:00"}}) == "2026-03-29T17:00:00Z");
  // Tomorrow morning is 09:00 local, here on the day the clocks go forward (BST).
  CHECK(snoozed_until({{"preset", "tomorrow_morning"}}) == "2026-03-29T08:00:00Z");
  CHECK(snoozed_until({{"preset", "tomorrow_morning"}}, "Asia/Tokyo") == "2026-03-30T00:00:00Z");
}

TEST_CASE("bad snooze bodies are rejected naming the field", "[tasks][snooze]") {
  CHECK(rejected_field(json::object()) == "");
  CHECK(rejected_field({{"for", "PT10M"}, {"until", "2026-03-29T18:00:00Z"}}) == "");
  CHECK(rejected_field({{"for", "PT10S"}}) == "for");
  CHECK(rejected_field({{"for", "P31D"}}) == "for");
  CHECK(rejected_field({{"for", 10}}) == "for");
  CHECK(rejected_field({{"until", "2026-03-28T19:00:00Z"}}) == "until");
  CHECK(rejected_field({{"until", "yesterday"}}) == "until");
  CHECK(rejected_field({{"until_local", "2026-03-29"}}) == "until_local");
  CHECK(rejected_field({{"preset", "later"}}) == "preset");
  CHECK(rejected_field({{"for", "PT10M"}, {"mood", "sleepy"}}) == "mood");
}

TEST_CASE("a snooze replaces reminders that have fired and adds one", "[tasks][snooze]") {
  Task task;
  task.reminders = {Reminder{"r1", std::chrono::minutes{15}, std::nullopt},
                    Reminder{"r2", std::nullopt, kNow - std::chrono::minutes{5}}};
  const auto until = kNow + std::chrono::minutes{10};
  CHECK(apply_snooze(task, until, kNow));
  REQUIRE(task.reminders.size() == 2);
  CHECK(task.reminders[0].id == "r1");
  CHECK(task.reminders[1].at == until);
  CHECK(task.reminders[1].id == "r3");           // never reuses the id of the one that fired
  CHECK_FALSE(apply_snooze(task, until, kNow));  // the same snooze again changes nothing

  for (int i = 0; i < 8; ++i) apply_snooze(task, until + std::chrono::minutes{i + 1}, kNow);
  CHECK(task.reminders.size() == kMaxReminders);
  CHECK_THROWS_AS(apply_snooze(task, until + std::chrono::hours{1}, kNow),
                  errors::ValidationFailed);
}
