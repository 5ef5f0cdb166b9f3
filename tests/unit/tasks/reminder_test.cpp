#include "tasks/reminder.hpp"

#include <catch2/catch.hpp>

#include "time/rfc3339.hpp"

using namespace todo::tasks;
using namespace todo::time;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

Reminder before(std::chrono::seconds lead, std::string id = "") {
  return Reminder{std::move(id), lead, std::nullopt};
}

Reminder at(const std::string& when, std::string id = "") {
  return Reminder{std::move(id), std::nullopt, *parse_rfc3339(when)};
}

std::string fire(const Reminder& r, const std::optional<LocalDue>& due, const std::string& zone) {
  const auto when = reminder_fire_at(r, due, zone);
  return when ? format_rfc3339(*when) : "none";
}

}  // namespace

TEST_CASE("a relative reminder fires that long before a timed due", "[tasks][reminder]") {
  const LocalDue due{LocalDate{2026, 12, 1}, std::chrono::hours{9}};
  CHECK(fire(before(minutes{15}), due, "America/New_York") == "2026-12-01T13:45:00Z");
  CHECK(fire(before(seconds{0}), due, "UTC") == "2026-12-01T09:00:00Z");
}

TEST_CASE("a relative reminder of a date-only due counts back from 09:00 local",
          "[tasks][reminder]") {
  const LocalDue due{LocalDate{2026, 12, 4}, std::nullopt};
  CHECK(fire(before(seconds{0}), due, "Europe/London") == "2026-12-04T09:00:00Z");
  CHECK(fire(before(std::chrono::hours{24}), due, "America/New_York") == "2026-12-03T14:00:00Z");
}

TEST_CASE("an absolute reminder fires at its instant, and a relative one needs a due",
          "[tasks][reminder]") {
  CHECK(fire(at("2026-12-01T08:00:00Z"), std::nullopt, "UTC") == "2026-12-01T08:00:00Z");
  CHECK(fire(before(minutes{5}), std::nullopt, "UTC") == "none");
}

TEST_CASE("reminders without an id get r1, r2, ... and given ids stay", "[tasks][reminder]") {
  std::vector<Reminder> list = {before(minutes{15}), before(minutes{5}, "mine"),
                                at("2026-12-01T08:00:00Z")};
  assign_reminder_ids(list);
  CHECK(list[0].id == "r1");
  CHECK(list[1].id == "mine");
  CHECK(list[2].id == "r2");
}

TEST_CASE("on update, reminders keep their ids and new ids never reuse old numbers",
          "[tasks][reminder]") {
  const std::vector<Reminder> previous = {before(minutes{15}, "r1"), before(minutes{60}, "r3")};
  std::vector<Reminder> next = {before(minutes{60}), before(minutes{30}),
                                before(minutes{15}, "r1")};
  assign_reminder_ids(next, previous);
  CHECK(next[0].id == "r3");  // same trigger as before: same id
  CHECK(next[1].id == "r4");  // new: above every number used so far
  CHECK(next[2].id == "r1");
}
