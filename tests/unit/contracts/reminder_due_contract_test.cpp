// The reminder.due contract between its writer (reminder-scheduler's reminder_event.cpp) and its
// reader (libs/events/reminder_due.cpp, used by notification-service): whatever the scheduler
// really publishes, the reader accepts with every field intact.
#include <catch2/catch.hpp>

#include "events/reminder_due.hpp"
#include "firing/reminder_event.hpp"
#include "time/rfc3339.hpp"

using namespace todo;
using namespace todo::reminder_scheduler;

namespace {

time::Instant at(const char* text) {
  return *time::parse_rfc3339(text);
}

DueFiring firing(const std::string& task_id, const char* fire_at, bool with_due) {
  DueFiring f;
  f.task.task_id = task_id;
  f.task.user_id = "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b10";
  f.task.title = "Pay rent \xE2\x82\xAC";  // "Pay rent €"
  f.task.description_excerpt = "first line\nsecond";
  f.task.priority = tasks::Priority::urgent;
  f.task.time_zone = "Europe/Berlin";
  if (with_due) f.task.due = *time::parse_local_due("2026-12-01T09:00");
  f.firing.reminder_id = "r1";
  f.firing.fire_at = at(fire_at);
  return f;
}

const WallTime kFiredAt = std::chrono::system_clock::time_point(std::chrono::seconds(1796112005));

}  // namespace

TEST_CASE("the reader accepts a single reminder as the scheduler writes it",
          "[contracts][reminders]") {
  const auto written = firing("task-1", "2026-12-01T08:00:00Z", true);
  const auto payload = reminder_payload(written, kFiredAt, false, 0);
  const auto read = events::parse_reminder_due(payload);
  CHECK(events::to_json(read) == payload);  // one pair of (de)serialisers: nothing lost
  CHECK(read.firing_id == written.id());
  CHECK(read.task_id == "task-1");
  CHECK(read.reminder_id == "r1");
  CHECK(read.user_id == written.task.user_id);
  CHECK(read.title == written.task.title);
  CHECK(read.description == written.task.description_excerpt);
  CHECK(read.priority == "urgent");
  CHECK(read.due == "2026-12-01T09:00:00");
  REQUIRE(read.due_at);
  CHECK(*read.due_at == at("2026-12-01T08:00:00Z"));  // 09:00 in Berlin
  CHECK(read.time_zone == "Europe/Berlin");
  CHECK(read.fire_at == written.firing.fire_at);
  CHECK(read.fired_at == to_instant(kFiredAt));
  CHECK(read.lateness_seconds == Approx(5.0));  // fired 5 s after its moment
  CHECK_FALSE(read.late);
  CHECK(read.missed_count == 0);
  CHECK(read.missed.empty());

  const auto no_due = events::parse_reminder_due(
      reminder_payload(firing("task-2", "2026-12-01T08:00:00Z", false), kFiredAt, true, 1));
  CHECK(no_due.due.empty());
  CHECK_FALSE(no_due.due_at);
  CHECK(no_due.late);
  CHECK(no_due.missed_count == 1);
}

TEST_CASE("the reader accepts a digest as the scheduler writes it", "[contracts][reminders]") {
  const std::vector<DueFiring> missed = {firing("task-1", "2026-12-01T06:00:00Z", true),
                                         firing("task-2", "2026-12-01T07:00:00Z", false)};
  const std::string id = digest_id(missed[0].task.user_id, missed);
  const auto payload = digest_payload(id, missed, kFiredAt);
  const auto read = events::parse_reminder_due(payload);
  CHECK(events::to_json(read) == payload);
  CHECK(read.firing_id == id);
  CHECK(read.late);
  CHECK(read.missed_count == 2);
  REQUIRE(read.missed.size() == 2);
  CHECK(read.missed[0].firing_id == missed[0].id());
  CHECK(read.missed[0].task_id == "task-1");
  CHECK(read.missed[0].reminder_id == "r1");
  CHECK(read.missed[0].due == "2026-12-01T09:00:00");
  CHECK(read.missed[0].fire_at == at("2026-12-01T06:00:00Z"));
  REQUIRE(read.missed[0].due_at);
  CHECK_FALSE(read.missed[1].due_at);
  CHECK(read.missed[1].priority == "urgent");
}
