// Late and missed reminders: deliver late, fold into a digest, or skip the very old ones.
#include "firing/missed_policy.hpp"

#include <catch2/catch.hpp>

#include "buckets/bucket_layout.hpp"
#include "buckets/schedule_loader.hpp"
#include "scheduler_test_support.hpp"

using namespace reminder_test;
using namespace std::chrono_literals;

namespace {

DueFiring due_firing(const std::string& task_id, const std::string& user, const char* fire_at) {
  DueFiring firing;
  firing.task.task_id = task_id;
  firing.task.user_id = user;
  firing.task.title = "Title of " + task_id;
  firing.firing = {"r1", at(fire_at)};
  return firing;
}

PolicyForUser everyone(MissedAction action) {
  MissedPolicy policy;
  policy.action = action;
  policy.late_after = 60s;
  policy.skip_older_than = 24h;
  return [policy](const std::string&) { return policy; };
}

const WallTime kNow = WallTime(at("2026-12-02T12:00:00Z"));

}  // namespace

TEST_CASE("missed policies are named like their flag values", "[reminder-scheduler]") {
  for (auto action :
       {MissedAction::deliver_late, MissedAction::digest, MissedAction::skip_older_than}) {
    CHECK(parse_missed_action(to_string(action)) == action);
  }
  CHECK_FALSE(parse_missed_action("drop"));
}

TEST_CASE("deliver_late publishes a late reminder marked late", "[reminder-scheduler]") {
  const auto plan = plan_deliveries({due_firing("on-time", "u", "2026-12-02T11:59:30Z"),
                                     due_firing("late", "u", "2026-12-02T11:58:00Z")},
                                    kNow, everyone(MissedAction::deliver_late));
  REQUIRE(plan.deliveries.size() == 2);
  CHECK(plan.skipped.empty());
  CHECK(payload_of(plan.deliveries[0], kNow)["late"] == false);
  CHECK(plan.deliveries[0].outcome == FiringOutcome::fired);
  const auto late = payload_of(plan.deliveries[1], kNow);
  CHECK(late["late"] == true);
  CHECK(late["lateness_seconds"] == 120.0);
  CHECK(late["missed_count"] == 1);
  CHECK(plan.deliveries[1].outcome == FiringOutcome::late);
}

TEST_CASE("digest folds each user's missed reminders into one event", "[reminder-scheduler]") {
  const auto plan = plan_deliveries({due_firing("a1", "alice", "2026-12-02T08:00:00Z"),
                                     due_firing("b1", "bob", "2026-12-02T09:00:00Z"),
                                     due_firing("a2", "alice", "2026-12-02T10:00:00Z"),
                                     due_firing("a3", "alice", "2026-12-02T11:59:50Z")},
                                    kNow, everyone(MissedAction::digest));
  REQUIRE(plan.deliveries.size() == 3);
  CHECK(plan.deliveries[0].event_id ==
        "a3:r1:" +
            std::to_string(at("2026-12-02T11:59:50Z").time_since_epoch().count()));  // on time
  const Delivery& digest = plan.deliveries[1];
  CHECK(digest.outcome == FiringOutcome::digest);
  CHECK(digest.user_id == "alice");
  CHECK(digest.event_id.rfind("digest:alice:", 0) == 0);
  CHECK(digest.firings.size() == 2);
  const auto payload = payload_of(digest, kNow);
  CHECK(payload["firing_id"] == digest.event_id);
  CHECK(payload["missed_count"] == 2);
  CHECK(payload["late"] == true);
  CHECK(payload["task_id"] == "a2");                 // the newest of them
  CHECK(payload["lateness_seconds"] == 4 * 3600.0);  // the oldest of them
  REQUIRE(payload["missed"].size() == 2);
  CHECK(payload["missed"][0]["task_id"] == "a1");
  CHECK(payload["missed"][1]["task_id"] == "a2");
  // A single missed reminder stays an ordinary late one.
  CHECK(plan.deliveries[2].outcome == FiringOutcome::late);
  CHECK(plan.deliveries[2].user_id == "bob");

  // The same missed set always makes the same digest id, whatever the order.
  const auto again = plan_deliveries({due_firing("a2", "alice", "2026-12-02T10:00:00Z"),
                                      due_firing("a1", "alice", "2026-12-02T08:00:00Z")},
                                     kNow + 5s, everyone(MissedAction::digest));
  CHECK(again.deliveries.at(0).event_id == digest.event_id);
}

TEST_CASE("skip_older_than skips the very late ones and delivers the others late",
          "[reminder-scheduler]") {
  const auto plan = plan_deliveries({due_firing("old", "u", "2026-12-01T11:00:00Z"),
                                     due_firing("late", "u", "2026-12-02T02:00:00Z"),
                                     due_firing("now", "u", "2026-12-02T12:00:00Z")},
                                    kNow, everyone(MissedAction::skip_older_than));
  REQUIRE(plan.skipped.size() == 1);
  CHECK(plan.skipped[0].task.task_id == "old");
  REQUIRE(plan.deliveries.size() == 2);
  CHECK(plan.deliveries[0].outcome == FiringOutcome::late);
  CHECK(plan.deliveries[1].outcome == FiringOutcome::fired);
}

TEST_CASE("after a day down, the policies decide what the restart publishes and records",
          "[reminder-scheduler]") {
  MissedPolicy policy;
  World world;
  world.clock.now = WallTime(at("2026-11-30T08:00:00Z"));
  auto week_ago = open_task("task-old");
  week_ago.reminders = {tasks::Reminder{"r1", std::nullopt, at("2026-11-30T09:00:00Z")}};
  week_ago.updated_at = at("2026-11-30T08:00:00Z");
  auto recent = open_task("task-recent");  // fires 2026-12-01 09:45Z
  auto other = open_task("task-other");
  {
    Instance before(world.store, world.clock.fn());
    before.apply("created", week_ago);
    before.apply("created", recent);
    before.apply("created", other);
  }
  world.clock.now = WallTime(at("2026-12-01T12:00:00Z"));  // back after the outage

  SECTION("skip_older_than") {
    policy.action = MissedAction::skip_older_than;
    Instance after(world.store, world.clock.fn(), Slice{}, policy);
    load_schedule(world.store, Slice{}, after.schedule);
    CHECK(after.loop.fire_due(world.clock.now) == 3);
    CHECK(after.publisher.snapshot().size() == 2);
    CHECK(after.loop.record_queued(world.clock.now) == 3);
    const Bucket bucket = world.store.bucket(bucket_key_for_task({}, "task-old"));
    CHECK(bucket.skipped.count(
              "task-old:r1:" +
              std::to_string(at("2026-11-30T09:00:00Z").time_since_epoch().count())) == 1);
    CHECK(fired_count(after.registry, "skipped") == 1);
    CHECK(fired_count(after.registry, "late") == 2);
    CHECK(after.schedule.size() == 0);
  }
  SECTION("digest") {
    policy.action = MissedAction::digest;
    Instance after(world.store, world.clock.fn(), Slice{}, policy);
    load_schedule(world.store, Slice{}, after.schedule);
    CHECK(after.loop.fire_due(world.clock.now) == 3);
    const auto published = after.publisher.snapshot();
    REQUIRE(published.size() == 1);  // all three belong to user-1
    CHECK(published[0].payload["missed_count"] == 3);
    CHECK(after.loop.record_queued(world.clock.now) == 3);
    CHECK(fired_count(after.registry, "digest") == 3);
    for (const char* id : {"task-recent", "task-other"}) {
      CHECK(world.store.bucket(bucket_key_for_task({}, id)).fired.size() >= 1);
    }
  }
  SECTION("deliver_late") {
    Instance after(world.store, world.clock.fn(), Slice{}, policy);
    load_schedule(world.store, Slice{}, after.schedule);
    CHECK(after.loop.fire_due(world.clock.now) == 3);
    for (const auto& delivery : after.publisher.snapshot()) {
      CHECK(delivery.payload["late"] == true);
    }
    CHECK(fired_count(after.registry, "late") == 3);
  }
}
