#pragma once
// In-memory stand-ins for the state store and the sidecar's publish, a hand-moved clock, and
// builders of tasks and task events, shared by the reminder-scheduler unit tests.
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "apply/scheduler_event_handler.hpp"
#include "buckets/bucket_store.hpp"
#include "buckets/bucket_writer.hpp"
#include "dapr/client.hpp"
#include "dapr/cloud_event.hpp"
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

// The state store's contract as the scheduler relies on it: ETags change on every write, a write
// with a stale ETag (or with none, for a key that exists) fails. Thread-safe, since the recorder
// writes buckets side by side.
class MemoryBucketStore final : public BucketStore {
 public:
  std::optional<StoredBucket> get(const std::string& key) override {
    std::lock_guard<std::mutex> lock(mu);
    ++gets;
    const auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
  std::vector<StoredBucket> get_many(const std::vector<std::string>& keys) override {
    std::lock_guard<std::mutex> lock(mu);
    ++bulk_gets;
    largest_bulk_get = std::max(largest_bulk_get, keys.size());
    std::vector<StoredBucket> found;
    for (const auto& key : keys) {
      const auto it = values.find(key);
      if (it != values.end()) found.push_back(it->second);
    }
    return found;
  }
  void put(const std::string& key, const nlohmann::json& value,
           const std::optional<std::string>& etag) override {
    std::lock_guard<std::mutex> lock(mu);
    if (failing_puts > 0) {
      --failing_puts;
      throw dapr::DaprError("state store unavailable", 500, "ERR_STATE_SAVE", true);
    }
    if (conflicting_puts > 0) {
      --conflicting_puts;
      throw dapr::EtagMismatch("etag");
    }
    const auto it = values.find(key);
    const bool matches = it == values.end() ? !etag : (etag && *etag == it->second.etag);
    if (!matches) throw dapr::EtagMismatch("etag");
    values[key] = {key, value, std::to_string(++puts)};
  }

  // A bucket as the scheduler would read it.
  Bucket bucket(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu);
    const auto it = values.find(key);
    return it == values.end() ? Bucket{} : bucket_from_json(it->second.value);
  }

  std::mutex mu;
  std::map<std::string, StoredBucket> values;
  int gets = 0;
  int puts = 0;
  int bulk_gets = 0;
  std::size_t largest_bulk_get = 0;
  int failing_puts = 0;      // the next N writes fail as if the store were down
  int conflicting_puts = 0;  // the next N writes fail with an ETag mismatch
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
  Instance(MemoryBucketStore& backing, const WallClock& wall_clock, Slice own_slice = {},
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

  MemoryBucketStore& store;
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
  MemoryBucketStore store;
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
