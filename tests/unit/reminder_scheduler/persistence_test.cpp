// The durable schedule: the bucket format, and a restart rebuilding the schedule from the store.
#include <algorithm>
#include <catch2/catch.hpp>

#include "buckets/bucket_layout.hpp"
#include "buckets/schedule_loader.hpp"
#include "scheduler_test_support.hpp"

using namespace reminder_test;

TEST_CASE("a bucket round-trips through its JSON", "[reminder-scheduler]") {
  Bucket bucket;
  StoredTask task;
  task.version = 4;
  task.summary.task_id = "task-1";
  task.summary.user_id = "user-1";
  task.summary.title = "Pay rent";
  task.summary.description_excerpt = "Bank transfer";
  task.summary.priority = tasks::Priority::urgent;
  task.summary.due = time::LocalDue{time::LocalDate{2026, 12, 1}, std::nullopt};
  task.summary.time_zone = "Europe/Paris";
  task.pending = {{"r1", at("2026-11-30T08:00:00Z")}, {"r2", at("2026-12-01T07:00:00Z")}};
  bucket.tasks["task-1"] = task;
  StoredTask tombstone;
  tombstone.version = 9;
  tombstone.deleted = true;
  tombstone.summary.task_id = "task-2";
  tombstone.summary.user_id = "user-1";
  tombstone.idle_since = at("2026-11-29T10:00:00Z");
  bucket.tasks["task-2"] = tombstone;
  bucket.fired["task-3:r1:1796115600"] = at("2026-12-01T09:00:00Z");
  bucket.skipped["task-4:r1:1796115600"] = at("2026-12-02T09:00:00Z");

  const auto json = to_json(bucket);
  CHECK(json["tasks"]["task-1"]["reminders"][0] ==
        nlohmann::json{
            {"firing_id", "task-1:r1:1796025600"}, {"reminder_id", "r1"}, {"fire_at", 1796025600}});
  CHECK(json["tasks"]["task-1"]["due"] == "2026-12-01");
  CHECK(json["fired"]["task-3:r1:1796115600"] == 1796115600);

  const Bucket back = bucket_from_json(json);
  REQUIRE(back.tasks.size() == 2);
  CHECK(back.tasks.at("task-1").summary == task.summary);
  CHECK(back.tasks.at("task-1").pending == task.pending);
  CHECK(back.tasks.at("task-1").version == 4);
  CHECK_FALSE(back.tasks.at("task-1").idle_since);
  CHECK(back.tasks.at("task-2").deleted);
  CHECK(back.tasks.at("task-2").idle_since == tombstone.idle_since);
  CHECK(back.fired == bucket.fired);
  CHECK(back.skipped == bucket.skipped);
  CHECK(back.settled("task-4:r1:1796115600"));
}

TEST_CASE("a malformed task record is left out, the rest of its bucket is kept",
          "[reminder-scheduler]") {
  nlohmann::json json = {{"tasks",
                          {{"good",
                            {{"version", 1},
                             {"user_id", "u"},
                             {"time_zone", "UTC"},
                             {"reminders", {{{"reminder_id", "r1"}, {"fire_at", 100}}}}}},
                           {"bad", {{"version", "one"}}}}},
                         {"fired", {{"x:r1:1", 1}, {"y:r1:1", "yesterday"}}}};
  std::vector<std::string> problems;
  const Bucket bucket = bucket_from_json(json, &problems);
  CHECK(bucket.tasks.count("good") == 1);
  CHECK(bucket.tasks.count("bad") == 0);
  CHECK(bucket.fired.size() == 1);
  CHECK(problems.size() == 2);
  CHECK(bucket_from_json(nullptr).tasks.empty());
}

TEST_CASE("records older than the retention are pruned", "[reminder-scheduler]") {
  Bucket bucket;
  bucket.fired["old"] = at("2026-11-20T00:00:00Z");
  bucket.fired["recent"] = at("2026-11-28T00:00:00Z");
  bucket.skipped["old"] = at("2026-11-20T00:00:00Z");
  StoredTask old_tombstone;
  old_tombstone.idle_since = at("2026-11-20T00:00:00Z");
  StoredTask recent_tombstone;
  recent_tombstone.idle_since = at("2026-11-28T00:00:00Z");
  StoredTask pending;
  pending.pending = {{"r1", at("2026-11-01T00:00:00Z")}};  // overdue but never fired: kept
  bucket.tasks = {{"a", old_tombstone}, {"b", recent_tombstone}, {"c", pending}};

  prune(bucket, at("2026-12-01T00:00:00Z"));
  CHECK(bucket.fired.size() == 1);
  CHECK(bucket.fired.count("recent") == 1);
  CHECK(bucket.skipped.empty());
  CHECK(bucket.tasks.size() == 2);
  CHECK(bucket.tasks.count("a") == 0);
}

TEST_CASE("after a crash, a new instance loads the same schedule from the store",
          "[reminder-scheduler]") {
  Harness before;
  for (int i = 0; i < 50; ++i) {
    auto task = open_task("task-" + std::to_string(i), "user-" + std::to_string(i % 7));
    task.reminders.push_back(tasks::Reminder{"r2", std::nullopt, at("2026-12-01T09:00:00Z")});
    before.apply("created", task);
  }
  auto completed = open_task("task-0", "user-0");
  completed.status = tasks::TaskStatus::completed;
  completed.version = 2;
  before.apply("completed", completed);
  REQUIRE(before.schedule.size() == 98);

  // The process is gone; only the store remains.
  Schedule after;
  const LoadStats stats = load_schedule(before.store, Slice{}, after);
  CHECK(stats.firings == 98);
  CHECK(stats.tasks == 49);
  CHECK(after.size() == 98);
  CHECK_FALSE(after.has_task("task-0"));
  for (int i = 1; i < 50; ++i) {
    const std::string id = "task-" + std::to_string(i);
    CHECK(after.firings_of(id) == before.schedule.firings_of(id));
  }
  // Firings due at the same instant come out in no particular order.
  auto by_id = [](std::vector<DueFiring> due) {
    std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.id() < b.id(); });
    return due;
  };
  const auto due_before = by_id(before.schedule.take_due(at("2026-12-02T00:00:00Z")));
  const auto due_after = by_id(after.take_due(at("2026-12-02T00:00:00Z")));
  REQUIRE(due_before.size() == due_after.size());
  for (std::size_t i = 0; i < due_before.size(); ++i) {
    CHECK(due_before[i].id() == due_after[i].id());
    CHECK(due_before[i].task == due_after[i].task);
  }
}

TEST_CASE("start-up reads a slice's buckets with bulk gets of bounded size",
          "[reminder-scheduler]") {
  ObservedStore store;
  const Slice slice{1, 3};
  // 10,000 pending firings over 2,500 tasks, written straight into the store.
  std::map<std::string, Bucket> buckets;
  for (int i = 0; i < 2500; ++i) {
    const std::string id = "task-" + std::to_string(i);
    StoredTask task;
    task.version = 1;
    task.summary.task_id = id;
    task.summary.user_id = "user-" + std::to_string(i % 100);
    task.summary.title = "Task " + std::to_string(i);
    for (int r = 0; r < 4; ++r) {
      task.pending.push_back(
          {"r" + std::to_string(r), at("2026-12-01T09:00:00Z") + std::chrono::minutes(i + r)});
    }
    buckets[bucket_key_for_task(slice, id)].tasks[id] = task;
  }
  // A firing still listed as pending but recorded as fired (the recorder never writes that, but
  // the loader does not rely on it) is not loaded.
  const std::string fired_task_key = bucket_key_for_task(slice, "task-7");
  buckets[fired_task_key]
      .fired["task-7:r0:" + std::to_string((at("2026-12-01T09:00:00Z") + std::chrono::minutes(7))
                                               .time_since_epoch()
                                               .count())] = at("2026-12-01T09:07:00Z");
  for (const auto& [key, bucket] : buckets) store.seed(key, bucket);
  // Another slice's bucket is not read.
  store.seed("reminders-0-1", buckets.begin()->second);

  Schedule schedule;
  const LoadStats stats = load_schedule(store, slice, schedule, LoadOptions{200, 4});
  CHECK(stats.buckets == buckets.size());
  CHECK(stats.firings == 9999);
  CHECK(schedule.size() == 9999);
  CHECK(schedule.firings_of("task-7").size() == 3);
  CHECK(store.largest_bulk_read == 200);
  CHECK(store.bulk_reads == static_cast<int>((kBuckets + 199) / 200));
}

TEST_CASE("a failing store fails the load, to be retried", "[reminder-scheduler]") {
  ObservedStore store;
  store.failing_reads = 1;
  Schedule schedule;
  CHECK_THROWS_AS(load_schedule(store, Slice{}, schedule), dapr::DaprError);
}
