// Firing: publish at the instant, record afterwards, retry what failed, never drop anything.
#include <catch2/catch.hpp>
#include <thread>

#include "buckets/bucket_layout.hpp"
#include "buckets/schedule_loader.hpp"
#include "scheduler_test_support.hpp"

using namespace reminder_test;
using namespace std::chrono_literals;

namespace {

const char* const kFiringId = "task-1:r1:1796118300";  // open_task(): 09:45Z
const WallTime kFireAt = WallTime(at("2026-12-01T09:45:00Z"));

// Polls `done` until it holds or `limit` passes: for the tests that run the real threads.
template <class Condition>
bool eventually(Condition done, std::chrono::milliseconds limit = 5s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);  // polling interval, not a stand-in for the condition
  }
  return true;
}

}  // namespace

TEST_CASE("a reminder fires once at its instant, then is recorded as fired",
          "[reminder-scheduler]") {
  Harness h;
  h.apply("created", open_task());

  CHECK(h.loop.fire_due(kFireAt - 1ms) == 0);
  h.clock.now = kFireAt + 20ms;
  CHECK(h.loop.fire_due(h.clock.now) == 1);

  const auto published = h.publisher.snapshot();
  REQUIRE(published.size() == 1);
  const Delivery& event = published[0];
  CHECK(event.event_id == kFiringId);
  CHECK(event.user_id == "user-1");
  const auto& p = event.payload;
  CHECK(p["firing_id"] == kFiringId);
  CHECK(p["task_id"] == "task-1");
  CHECK(p["reminder_id"] == "r1");
  CHECK(p["user_id"] == "user-1");
  CHECK(p["title"] == "Pay rent");
  CHECK(p["description"] == "The landlord's account");
  CHECK(p["priority"] == "high");
  CHECK(p["due"] == "2026-12-01T10:00:00");
  CHECK(p["due_at"] == "2026-12-01T10:00:00Z");
  CHECK(p["time_zone"] == "Europe/London");
  CHECK(p["fire_at"] == "2026-12-01T09:45:00Z");
  CHECK(p["fired_at"] == "2026-12-01T09:45:00Z");
  CHECK(p["late"] == false);
  CHECK(p["lateness_seconds"].get<double>() == Approx(0.02));
  CHECK(p["missed_count"] == 0);

  // Published, not yet recorded: still in flight, still pending in its bucket.
  const auto key = bucket_key_for_task({}, "task-1");
  CHECK(h.schedule.size() == 1);
  CHECK(h.loop.awaiting_record() == 1);
  CHECK(h.store.bucket(key).tasks.at("task-1").pending.size() == 1);

  CHECK(h.loop.record_queued(h.clock.now) == 1);
  const Bucket bucket = h.store.bucket(key);
  CHECK(bucket.fired.at(kFiringId) == at("2026-12-01T09:45:00Z"));
  CHECK(bucket.tasks.at("task-1").pending.empty());
  CHECK(h.schedule.size() == 0);

  h.clock.now += 1min;
  CHECK(h.loop.fire_due(h.clock.now) == 0);
  CHECK(h.publisher.snapshot().size() == 1);
  CHECK(fired_count(h.registry, "fired") == 1);
  CHECK(h.metrics.lateness.snapshot().count == 1);
  CHECK(h.metrics.pending.value() == 0);
}

TEST_CASE("when publishing fails, the firing stays and is retried with backoff",
          "[reminder-scheduler]") {
  Harness h;
  h.apply("created", open_task());
  h.publisher.down = true;
  CHECK(h.loop.fire_due(kFireAt) == 1);
  CHECK(h.publisher.snapshot().empty());
  CHECK(h.loop.retrying() == 1);
  CHECK(h.loop.next_retry() == kFireAt + 500ms);
  CHECK(h.schedule.size() == 1);
  CHECK(h.loop.awaiting_record() == 0);

  // Not before the backoff is over; then again, with a doubled backoff.
  CHECK(h.loop.fire_due(kFireAt + 400ms) == 0);
  CHECK(h.publisher.calls == 1);
  CHECK(h.loop.fire_due(kFireAt + 500ms) == 1);
  CHECK(h.publisher.calls == 2);
  CHECK(h.loop.next_retry() == kFireAt + 1500ms);

  h.publisher.down = false;
  h.clock.now = kFireAt + 1500ms;
  CHECK(h.loop.fire_due(h.clock.now) == 1);
  CHECK(h.publisher.ids() == std::vector<std::string>{kFiringId});
  CHECK(h.loop.retrying() == 0);
  CHECK(h.loop.record_queued(h.clock.now) == 1);
  CHECK(h.store.bucket(bucket_key_for_task({}, "task-1")).fired.count(kFiringId) == 1);
  CHECK(h.metrics.publish_failures.value() == 2);
}

TEST_CASE("only the events the sidecar rejected are published again", "[reminder-scheduler]") {
  Harness h;
  for (const char* id : {"task-1", "task-2", "task-3"}) h.apply("created", open_task(id));
  h.publisher.rejected = {"task-2:r1:1796118300"};
  CHECK(h.loop.fire_due(kFireAt) == 3);
  CHECK(h.publisher.snapshot().size() == 2);
  CHECK(h.loop.retrying() == 1);

  h.publisher.rejected.clear();
  CHECK(h.loop.fire_due(kFireAt + 500ms) == 1);
  auto ids = h.publisher.ids();
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"task-1:r1:1796118300", "task-2:r1:1796118300",
                                        "task-3:r1:1796118300"});
}

TEST_CASE("a retry is dropped when the task changed the firing away meanwhile",
          "[reminder-scheduler]") {
  Harness h;
  auto task = open_task();
  h.apply("created", task);
  h.publisher.down = true;
  h.loop.fire_due(kFireAt);
  REQUIRE(h.loop.retrying() == 1);

  task.status = tasks::TaskStatus::completed;
  task.updated_at = at("2026-12-01T09:45:00Z");
  task.version = 2;
  h.apply("completed", task);
  h.publisher.down = false;
  CHECK(h.loop.fire_due(kFireAt + 1s) == 0);
  CHECK(h.publisher.snapshot().empty());
  CHECK(h.loop.retrying() == 0);
}

TEST_CASE("a crash between publishing and recording fires again with the same id",
          "[reminder-scheduler]") {
  World world;
  {
    Instance first(world.store, world.clock.fn());
    first.apply("created", open_task());
    CHECK(first.loop.fire_due(kFireAt) == 1);
    CHECK(first.publisher.ids() == std::vector<std::string>{kFiringId});
    // The process dies here: nothing was recorded.
  }
  world.clock.now = kFireAt + 5min;
  Instance second(world.store, world.clock.fn());
  CHECK(load_schedule(world.store, Slice{}, second.schedule).firings == 1);
  CHECK(second.loop.fire_due(world.clock.now) == 1);
  const auto again = second.publisher.snapshot();
  REQUIRE(again.size() == 1);
  CHECK(again[0].event_id == kFiringId);  // consumers deduplicate on it
  CHECK(again[0].payload["late"] == true);
  CHECK(second.loop.record_queued(world.clock.now) == 1);

  Instance third(world.store, world.clock.fn());
  CHECK(load_schedule(world.store, Slice{}, third.schedule).firings == 0);
}

TEST_CASE("when recording fails, the firing stays in flight until a retry records it",
          "[reminder-scheduler]") {
  Harness h;
  h.apply("created", open_task());
  h.loop.fire_due(kFireAt);
  h.store.failing_writes = 1;
  CHECK(h.loop.record_queued(kFireAt) == 0);
  CHECK(h.loop.awaiting_record() == 1);
  CHECK(h.schedule.size() == 1);
  CHECK(h.schedule.take_due(at("2026-12-01T10:00:00Z")).empty());  // not fired twice meanwhile

  CHECK(h.loop.record_queued(kFireAt + 100ms) == 0);  // backing off
  CHECK(h.loop.record_queued(kFireAt + 500ms) == 1);
  CHECK(h.schedule.size() == 0);
  CHECK(h.publisher.snapshot().size() == 1);
}

TEST_CASE("many due at once go out in several bulk publishes", "[reminder-scheduler]") {
  Harness h;
  for (int i = 0; i < 9; ++i) h.apply("created", open_task("task-" + std::to_string(i)));
  CHECK(h.loop.fire_due(kFireAt) == 9);
  CHECK(h.publisher.calls == 5);  // chunks of 2
  CHECK(h.publisher.snapshot().size() == 9);
  CHECK(h.loop.record_queued(kFireAt) == 9);
  CHECK(h.schedule.size() == 0);
}

TEST_CASE("the running loop fires at the instant and wakes for earlier firings",
          "[reminder-scheduler]") {
  World world;
  Instance live(world.store, system_wall_clock());
  const auto now = std::chrono::system_clock::now();
  auto task = open_task();
  task.reminders = {tasks::Reminder{"r1", std::nullopt, to_instant(now) + 1h}};
  task.updated_at = to_instant(now);
  live.apply("created", task);
  live.loop.start();

  // Sleeping until an hour from now; a firing due now must wake it.
  auto soon = open_task("task-2");
  soon.reminders = {tasks::Reminder{"r1", std::nullopt, to_instant(now)}};
  soon.updated_at = to_instant(now);
  live.apply("created", soon);

  CHECK(eventually([&] { return live.publisher.snapshot().size() == 1; }));
  CHECK(eventually([&] { return live.schedule.size() == 1; }));  // recorded and settled
  live.loop.stop();
  CHECK(live.publisher.ids() ==
        std::vector<std::string>{make_firing_id("task-2", "r1", to_instant(now))});
  CHECK(world.store.bucket(bucket_key_for_task({}, "task-2")).fired.size() == 1);
}
