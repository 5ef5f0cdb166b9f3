#pragma once
// The shared in-memory state store behind a probe, a stand-in for the sidecar's publish, a
// hand-moved clock, and builders of tasks and task events, shared by the reminder-scheduler unit
// tests.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "apply/scheduler_event_handler.hpp"
#include "buckets/bucket_writer.hpp"
#include "dapr/client.hpp"
#include "dapr/cloud_event.hpp"
#include "dapr/memory_state_store.hpp"
#include "events/task_event.hpp"
#include "firing/fired_recorder.hpp"
#include "firing/firing_loop.hpp"
#include "firing/missed_policy.hpp"
#include "firing/reminder_publisher.hpp"
#include "runtime/scheduler_metrics.hpp"
#include "schedule/schedule.hpp"
#include "tasks/task.hpp"
#include "tasks/task_json.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

namespace reminder_test {

using namespace todo;
using namespace todo::reminder_scheduler;

inline time::Instant at(const char* rfc3339) {
  return *time::parse_rfc3339(rfc3339);
}

// The shared in-memory state store (dapr::testing::MemoryStateStore, which keeps the sidecar's
// ETag and first-write rules), with what the scheduler asks of it counted and, on demand, a store
// out of reach or a write that loses to another process. The rules stay the fake's own: a lost
// write is another write of the bucket just before ours. Thread-safe, since the recorder writes
// buckets side by side.
class ObservedStore final : public dapr::StateStore {
 public:
  std::optional<dapr::StoredValue> get(const std::string& key) override {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++reads;
      fail_if_asked(failing_reads);
    }
    return memory.get(key);
  }
  std::vector<std::pair<std::string, dapr::StoredValue>> get_many(
      const std::vector<std::string>& keys) override {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++bulk_reads;
      largest_bulk_read = std::max(largest_bulk_read, keys.size());
      fail_if_asked(failing_reads);
    }
    return memory.get_many(keys);
  }
  using StateStore::create;
  using StateStore::put;
  void create(const std::string& key, const nlohmann::json& value,
              std::chrono::seconds ttl) override {
    before_write(key);
    memory.create(key, value, ttl);
  }
  void put(const std::string& key, const nlohmann::json& value, const std::string& etag,
           std::chrono::seconds ttl) override {
    before_write(key);
    memory.put(key, value, etag, ttl);
  }

  // A bucket as the scheduler would read it.
  Bucket bucket(const std::string& key) {
    const auto stored = memory.get(key);
    return stored ? bucket_from_json(stored->value) : Bucket{};
  }
  // Writes a bucket straight into the store, as an earlier run left it.
  void seed(const std::string& key, const Bucket& bucket) { memory.put(key, to_json(bucket)); }

  dapr::testing::MemoryStateStore memory;  // memory.writes counts the writes it accepted
  std::mutex mu;
  int reads = 0;
  int bulk_reads = 0;
  std::size_t largest_bulk_read = 0;
  int failing_reads = 0;   // the next N reads (single or bulk) fail as if the store were down
  int failing_writes = 0;  // the next N writes fail as if the store were down
  int lost_writes = 0;     // the next N writes find the bucket written by someone else meanwhile

 private:
  static void fail_if_asked(int& failures) {
    if (failures == 0) return;
    --failures;
    throw dapr::DaprError("state store unreachable", 0, "", true);
  }
  void before_write(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu);
    fail_if_asked(failing_writes);
    if (lost_writes == 0) return;
    --lost_writes;
    // Another process's write: a new ETag for a bucket that exists, the first write of one that
    // does not.
    const auto current = memory.get(key);
    memory.put(key, current ? current->value : nlohmann::json::object());
  }
};

// Records what would have been published; can refuse everything (sidecar down) or some ids.
class RecordingPublisher final : public ReminderPublisher {
 public:
  std::vector<std::string> publish(const std::vector<Delivery>& deliveries) override {
    std::lock_guard<std::mutex> lock(mu);
    ++calls;
    if (down) throw dapr::DaprError("sidecar unreachable", 0, "", true);
    std::vector<std::string> failed;
    for (const auto& delivery : deliveries) {
      if (rejected.count(delivery.event_id)) {
        failed.push_back(delivery.event_id);
      } else {
        published.push_back(delivery);
      }
    }
    return failed;
  }
  std::vector<Delivery> snapshot() {
    std::lock_guard<std::mutex> lock(mu);
    return published;
  }
  std::vector<std::string> ids() {
    std::vector<std::string> out;
    for (const auto& d : snapshot()) out.push_back(d.event_id);
    return out;
  }

  std::mutex mu;
  std::vector<Delivery> published;
  std::set<std::string> rejected;
  bool down = false;
  int calls = 0;
};

struct ManualClock {
  WallTime now = WallTime(at("2026-12-01T08:00:00Z"));
  WallClock fn() {
    return [this] { return now; };
  }
};

// An open task due 2026-12-01 10:00 London time (10:00Z) with a reminder 15 minutes before,
// last changed at 08:00Z.
inline tasks::Task open_task(const std::string& id = "task-1", const std::string& user = "user-1") {
  tasks::Task task;
  task.id = id;
  task.user_id = user;
  task.title = "Pay rent";
  task.description = "The landlord's account";
  task.priority = tasks::Priority::high;
  task.time_zone = "Europe/London";
  task.due = time::LocalDue{time::LocalDate{2026, 12, 1}, std::chrono::hours{10}};
  task.due_at = time::to_utc(*task.due, task.time_zone);
  task.reminders = {tasks::Reminder{"r1", std::chrono::minutes{15}, std::nullopt}};
  task.created_at = at("2026-11-30T12:00:00Z");
  task.updated_at = at("2026-12-01T08:00:00Z");
  task.version = 1;
  return task;
}

inline void set_due(tasks::Task& task, const time::LocalDue& due) {
  task.due = due;
  task.due_at = time::to_utc(due, task.time_zone);
}

inline dapr::CloudEvent task_event(const std::string& action, const tasks::Task& task) {
  dapr::CloudEvent event;
  event.id = "event-" + task.id + "-" + std::to_string(task.version) + "-" + action;
  event.type = events::task_event_type(action);
  event.data = events::make_task_event(action, task.user_id, tasks::to_json(task), nullptr,
                                       time::format_rfc3339(task.updated_at));
  return event;
}

// One scheduler process over a given store: what main.cpp wires, with fakes for Dapr. The firing
// loop is not started; tests run its passes by hand (or start it, with the real clock).
struct Instance {
  Instance(ObservedStore& backing, const WallClock& wall_clock, Slice own_slice = {},
           MissedPolicy missed = {}, FiringOptions options = test_firing_options())
      : store(backing),
        slice(own_slice),
        policy(missed),
        writer(backing, wall_clock),
        handler(own_slice, writer, schedule, metrics),
        recorder(own_slice, writer, schedule, 2),
        loop(
            schedule, publisher, recorder, metrics, [this](const std::string&) { return policy; },
            options, wall_clock) {}

  static FiringOptions test_firing_options() {
    FiringOptions options;
    options.publish_batch = 2;  // small, so that a few firings already make several chunks
    options.publish_threads = 2;
    options.first_backoff = std::chrono::milliseconds(500);
    return options;
  }

  dapr::Outcome apply(const std::string& action, const tasks::Task& task) {
    return handler(task_event(action, task));
  }
  std::vector<std::string> firing_ids(const std::string& task_id) const {
    std::vector<std::string> ids;
    for (const auto& f : schedule.firings_of(task_id)) {
      ids.push_back(make_firing_id(task_id, f.reminder_id, f.fire_at));
    }
    return ids;
  }

  ObservedStore& store;
  Slice slice;
  MissedPolicy policy;
  metrics::Registry registry;
  SchedulerMetrics metrics{registry};
  Schedule schedule;
  BucketWriter writer;
  TaskEventHandler handler;
  RecordingPublisher publisher;
  FiredRecorder recorder;
  FiringLoop loop;
};

struct World {
  ManualClock clock;
  ObservedStore store;
};

// An instance with its own store and a clock moved by hand.
struct Harness : World, Instance {
  explicit Harness(Slice own_slice = {}, MissedPolicy missed = {})
      : Instance(World::store, World::clock.fn(), own_slice, missed) {}
  using World::clock;
  using World::store;
};

inline double fired_count(metrics::Registry& registry, const std::string& outcome) {
  return registry.counter("reminders_fired_total", "", {{"outcome", outcome}}).value();
}

}  // namespace reminder_test
