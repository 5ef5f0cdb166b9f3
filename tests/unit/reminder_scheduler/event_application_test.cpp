// Task events applied through the handler, against an in-memory state store.
#include <catch2/catch.hpp>

#include "apply/task_reminders.hpp"
#include "buckets/bucket_layout.hpp"
#include "scheduler_test_support.hpp"

using namespace reminder_test;

namespace {

const char* const kFirstFiring = "task-1:r1:1796118300";  // 15 minutes before 10:00Z

std::vector<std::string> ids(std::initializer_list<const char*> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

}  // namespace

TEST_CASE("a created task's reminders are scheduled and stored before the event is acknowledged",
          "[reminder-scheduler]") {
  Harness h;
  CHECK(h.apply("created", open_task()) == dapr::Outcome::success);
  CHECK(h.firing_ids("task-1") == ids({kFirstFiring}));

  const Bucket bucket = h.store.bucket(bucket_key_for_task({}, "task-1"));
  REQUIRE(bucket.tasks.count("task-1") == 1);
  const StoredTask& stored = bucket.tasks.at("task-1");
  CHECK(stored.version == 1);
  CHECK(stored.summary.title == "Pay rent");
  CHECK(stored.pending == std::vector<PlannedFiring>{{"r1", at("2026-12-01T09:45:00Z")}});
  CHECK(h.registry.gauge("reminders_pending", "").value() == 1);
  CHECK(h.registry.counter("reminder_events_total", "", {{"action", "created"}}).value() == 1);
}

TEST_CASE("moving the due cancels the old firing and schedules a new one", "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  h.apply("created", task);
  set_due(task, time::LocalDue{time::LocalDate{2026, 12, 1}, std::chrono::hours{11}});
  task.version = 2;
  h.apply("updated", task);
  CHECK(h.firing_ids("task-1") == ids({"task-1:r1:1796121900"}));  // 10:45Z
  CHECK(h.schedule.size() == 1);

  SECTION("so does changing the offset") {
    task.reminders[0].before = std::chrono::minutes{30};
    task.version = 3;
    h.apply("updated", task);
    CHECK(h.firing_ids("task-1") == ids({"task-1:r1:1796121000"}));  // 10:30Z
  }
}

TEST_CASE("an unrelated edit keeps the firing id and refreshes the task's data",
          "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  h.apply("created", task);
  task.title = "Pay the rent";
  task.version = 2;
  h.apply("updated", task);
  CHECK(h.firing_ids("task-1") == ids({kFirstFiring}));
  const auto due = h.schedule.take_due(at("2026-12-01T09:45:00Z"));
  REQUIRE(due.size() == 1);
  CHECK(due[0].task.title == "Pay the rent");
}

TEST_CASE("completing or deleting a task cancels its firings", "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  h.apply("created", task);
  task.version = 2;
  SECTION("completed") {
    task.status = tasks::TaskStatus::completed;
    h.apply("completed", task);
  }
  SECTION("deleted") {
    task.version = 1;  // a delete carries the last snapshot unchanged
    h.apply("deleted", task);
  }
  CHECK(h.schedule.size() == 0);
  const Bucket bucket = h.store.bucket(bucket_key_for_task({}, "task-1"));
  REQUIRE(bucket.tasks.count("task-1") == 1);  // a tombstone guards against older events
  CHECK(bucket.tasks.at("task-1").pending.empty());
  CHECK(bucket.tasks.at("task-1").idle_since == at("2026-12-01T08:00:00Z"));
}

TEST_CASE("reopening a task schedules its reminders that are still ahead", "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  task.reminders.push_back(tasks::Reminder{"r2", std::nullopt, at("2026-12-01T08:30:00Z")});
  h.apply("created", task);
  task.status = tasks::TaskStatus::completed;
  task.version = 2;
  h.apply("completed", task);
  REQUIRE(h.schedule.size() == 0);

  // Reopened at 09:00: r2 (08:30) has passed, r1 (09:45) is still ahead.
  h.clock.now = WallTime(at("2026-12-01T09:00:00Z"));
  task.status = tasks::TaskStatus::open;
  task.updated_at = at("2026-12-01T09:00:00Z");
  task.version = 3;
  h.apply("reopened", task);
  CHECK(h.firing_ids("task-1") == ids({kFirstFiring}));
}

TEST_CASE("an event older than the applied one changes nothing, and the same one again is harmless",
          "[reminder-scheduler]") {
  Harness h;
  auto v1 = open_task();
  auto v2 = v1;
  set_due(v2, time::LocalDue{time::LocalDate{2026, 12, 2}, std::chrono::hours{10}});
  v2.version = 2;
  h.apply("created", v1);
  h.apply("updated", v2);
  const auto after_v2 = h.firing_ids("task-1");

  CHECK(h.apply("created", v1) == dapr::Outcome::success);  // redelivered late
  CHECK(h.firing_ids("task-1") == after_v2);
  CHECK(h.registry.counter("reminder_events_ignored_total", "", {{"reason", "stale"}}).value() ==
        1);

  CHECK(h.apply("updated", v2) == dapr::Outcome::success);  // redelivered again
  CHECK(h.firing_ids("task-1") == after_v2);

  SECTION("a delete outranks the update of the same version it followed") {
    h.apply("deleted", v2);
    h.apply("updated", v2);
    CHECK(h.schedule.size() == 0);
  }
}

TEST_CASE("a fired firing is never scheduled again", "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  h.apply("created", task);
  // It fired and was recorded.
  const auto key = bucket_key_for_task({}, "task-1");
  h.writer.update(key, [](Bucket& bucket) {
    bucket.fired[kFirstFiring] = at("2026-12-01T09:45:00Z");
    bucket.tasks.at("task-1").pending.clear();
    return true;
  });
  h.schedule.replace(summarize(task), {});

  SECTION("the creating event redelivered") {
    h.apply("created", task);
  }
  SECTION("an edit made before it fired, delivered after") {
    task.title = "Renamed at 09:00";
    task.updated_at = at("2026-12-01T09:00:00Z");
    task.version = 2;
    h.apply("updated", task);
  }
  SECTION("an edit long after it fired, once its record is pruned") {
    h.clock.now = WallTime(at("2026-12-20T09:00:00Z"));
    task.title = "Renamed weeks later";
    task.updated_at = at("2026-12-20T09:00:00Z");
    task.version = 2;
    h.apply("updated", task);
    CHECK(h.store.bucket(key).fired.empty());
  }
  CHECK(h.schedule.size() == 0);
}

TEST_CASE("a reminder without an instant has no firing", "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  task.due.reset();
  task.due_at.reset();
  CHECK(h.apply("created", task) == dapr::Outcome::success);
  CHECK(h.schedule.size() == 0);
  // Nothing to store for a task with no firing: the store is not even read.
  CHECK(h.store.reads == 0);
  CHECK(h.store.memory.writes == 0);
}

TEST_CASE("a date-only due counts relative reminders back from 09:00 local",
          "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  task.time_zone = "America/New_York";
  set_due(task, time::LocalDue{time::LocalDate{2026, 12, 2}, std::nullopt});
  task.reminders[0].before = std::chrono::hours{24};
  h.apply("created", task);
  // 2026-12-01 09:00 in New York (UTC-5) is 14:00Z.
  CHECK(h.schedule.firings_of("task-1") ==
        std::vector<PlannedFiring>{{"r1", at("2026-12-01T14:00:00Z")}});
}

TEST_CASE("an instance keeps only its own slice's users", "[reminder-scheduler]") {
  const Slice slice{0, 2};
  std::string own_user, other_user;
  for (int i = 0; own_user.empty() || other_user.empty(); ++i) {
    const std::string user = "user-" + std::to_string(i);
    (slice.owns(user) ? own_user : other_user) = user;
  }
  Harness h(slice);
  CHECK(h.apply("created", open_task("task-a", other_user)) == dapr::Outcome::success);
  CHECK(h.schedule.size() == 0);
  CHECK(h.store.reads == 0);
  CHECK(h.store.memory.writes == 0);
  CHECK(h.registry.counter("reminder_events_ignored_total", "", {{"reason", "other_slice"}})
            .value() == 1);

  h.apply("created", open_task("task-b", own_user));
  CHECK(h.schedule.size() == 1);
  REQUIRE(h.store.memory.size() == 1);
  CHECK(h.store.memory.get(bucket_key_for_task(slice, "task-b")).has_value());

  Harness second(Slice{1, 2});
  second.apply("created", open_task("task-a", other_user));
  second.apply("created", open_task("task-b", own_user));
  CHECK(second.firing_ids("task-a").size() == 1);
  CHECK_FALSE(second.schedule.has_task("task-b"));
  CHECK(second.store.memory.get(bucket_key_for_task(Slice{1, 2}, "task-a")).has_value());
}

TEST_CASE("an event that can never be applied is poison", "[reminder-scheduler]") {
  Harness h;
  auto event = task_event("created", open_task());
  SECTION("not an object") {
    event.data = "created";
  }
  SECTION("an unknown action") {
    event.data["action"] = "archived";
  }
  SECTION("a malformed snapshot") {
    event.data["task"]["reminders"] = "soon";
  }
  SECTION("a snapshot of another user") {
    event.data["task"]["user_id"] = "someone-else";
  }
  SECTION("a zone nobody knows") {
    event.data["task"]["time_zone"] = "Mars/Olympus_Mons";
  }
  CHECK_THROWS_AS(h.handler(event), errors::MalformedMessage);
  CHECK(h.schedule.size() == 0);
  CHECK(h.store.memory.writes == 0);
}

TEST_CASE("a bucket written concurrently is read again, and a store outage means retry",
          "[reminder-scheduler]") {
  Harness h;
  SECTION("one conflict: the second attempt succeeds") {
    h.store.lost_writes = 1;
    CHECK(h.apply("created", open_task()) == dapr::Outcome::success);
    CHECK(h.schedule.size() == 1);
  }
  SECTION("conflicts every time: the event is retried later") {
    h.store.lost_writes = 10;
    CHECK(h.apply("created", open_task()) == dapr::Outcome::retry);
    CHECK(h.schedule.size() == 0);
  }
  SECTION("the store is down: the handler throws, which the subscriber answers RETRY") {
    h.store.failing_writes = 1;
    CHECK_THROWS_AS(h.apply("created", open_task()), dapr::DaprError);
    CHECK(h.schedule.size() == 0);
    CHECK(h.apply("created", open_task()) == dapr::Outcome::success);  // the redelivery
    CHECK(h.schedule.size() == 1);
  }
}
