#pragma once
// Fires reminders at their instant. Two threads:
//
// - the firing thread sleeps until the earliest pending instant (woken earlier when a change
//   schedules something sooner, or on stop), takes everything due, applies the missed policy and
//   publishes the events in chunks side by side (bulk publish, raw CloudEvents whose id is the
//   firing id). What the sidecar did not accept stays in flight and is retried with exponential
//   backoff: nothing is dropped while Kafka or the sidecar is down.
// - the recording thread then records published and skipped firings in their buckets (fired
//   ones leave the pending lists) and settles them in the schedule; failed writes retry with
//   backoff too.
//
// Publish, then record: a crash between the two leaves the firing pending in its bucket, so it
// fires again after the restart with the same firing id, and consumers deduplicate on it.
// Recording on its own thread keeps bucket writes from delaying the next second's firings.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "firing/fired_recorder.hpp"
#include "firing/missed_policy.hpp"
#include "firing/reminder_publisher.hpp"
#include "runtime/scheduler_metrics.hpp"
#include "runtime/wall_clock.hpp"
#include "schedule/schedule.hpp"

namespace todo::reminder_scheduler {

struct FiringOptions {
  std::size_t publish_batch = 100;  // events per (bulk) publish call
  std::size_t publish_threads = 8;  // publish calls in flight at once
  std::size_t max_per_pass = 5000;  // firings taken per pass, bounding memory after an outage
  std::chrono::milliseconds first_backoff{500};
  std::chrono::milliseconds max_backoff{30000};
};

class FiringLoop {
 public:
  // The threads wait on the system clock; `clock` must follow it (tests that move time by hand
  // call fire_due and record_queued themselves instead of starting the threads).
  FiringLoop(Schedule& schedule, ReminderPublisher& publisher, FiredRecorder& recorder,
             SchedulerMetrics& metrics, PolicyForUser policy, FiringOptions options = {},
             WallClock clock = system_wall_clock());
  ~FiringLoop();
  FiringLoop(const FiringLoop&) = delete;
  FiringLoop& operator=(const FiringLoop&) = delete;

  void start();
  // Stops both threads after one last attempt to record what was published.
  void stop();

  // One pass of the firing thread at `now`: publishes what is due (and the retries whose backoff
  // is over) and queues it for recording. Returns the number of firings taken in this pass.
  std::size_t fire_due(WallTime now);
  // One pass of the recording thread at `now`. Returns the number of firings recorded.
  std::size_t record_queued(WallTime now, bool ignore_backoff = false);

  std::size_t retrying() const;
  std::size_t awaiting_record() const;
  // When the next publish retry may happen, if any is waiting.
  std::optional<WallTime> next_retry() const;

 private:
  struct PassResult {
    std::vector<Settlement> settled;
    std::vector<DueFiring> failed;
  };
  // The retries whose backoff is over (still in flight) and the newly due firings; nothing
  // while a retry is backing off.
  std::vector<DueFiring> collect_due(WallTime now);
  PassResult publish(std::vector<Delivery> deliveries, WallTime now);
  // Queues the published and skipped for recording, and the failed for a retry.
  void queue(PassResult result, WallTime now);
  void fire_thread();
  void record_thread();
  void wake();

  Schedule& schedule_;
  ReminderPublisher& publisher_;
  FiredRecorder& recorder_;
  SchedulerMetrics& metrics_;
  PolicyForUser policy_;
  FiringOptions options_;
  WallClock clock_;

  mutable std::mutex mu_;
  std::condition_variable fire_cv_;
  std::condition_variable record_cv_;
  bool stopping_ = false;        // the firing thread's
  bool stop_recording_ = false;  // the recording thread's, set once the firing thread ended
  bool woken_ = false;
  std::vector<DueFiring> retry_;  // in flight, not accepted yet
  std::optional<WallTime> retry_at_;
  std::chrono::milliseconds publish_backoff_;
  std::vector<Settlement> to_record_;
  std::optional<WallTime> record_at_;
  std::chrono::milliseconds record_backoff_;
  std::thread fire_thread_;
  std::thread record_thread_;
};

}  // namespace todo::reminder_scheduler
