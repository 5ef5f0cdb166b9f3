// reminder-scheduler: keeps the durable schedule of pending reminders (from task-events) and
// publishes reminder.due on `reminders` at each reminder's instant. See docs/reminders.md.
#include <malloc.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "adapters/dapr_reminder_publisher.hpp"
#include "apply/scheduler_event_handler.hpp"
#include "buckets/bucket_writer.hpp"
#include "buckets/schedule_loader.hpp"
#include "dapr/state_store.hpp"
#include "events/topics.hpp"
#include "firing/fired_recorder.hpp"
#include "firing/firing_loop.hpp"
#include "ports/ports.hpp"
#include "runtime/scheduler_config.hpp"
#include "runtime/scheduler_metrics.hpp"
#include "schedule/schedule.hpp"
#include "service/runtime.hpp"
#include "service/startup.hpp"

namespace {

using namespace todo;
using namespace todo::reminder_scheduler;

// Rebuilds the schedule before the app listens: Dapr delivers events only to a listening app, so
// every change then applies to a complete schedule. Waits for the sidecar as long as it takes
// (it may start after us); SIGTERM still ends the process meanwhile.
void load_before_serving(service::Runtime& rt, dapr::StateStore& store,
                         const SchedulerConfig& config, Schedule& schedule) {
  service::retry_until_done("loading the schedule", [&] {
    if (!rt.dapr().wait_for_outbound(std::chrono::seconds(30))) {
      throw std::runtime_error("the Dapr sidecar does not serve outbound calls yet");
    }
    const auto started = std::chrono::steady_clock::now();
    const LoadStats stats = load_schedule(store, config.slice, schedule, config.load);
    spdlog::info(
        "slice {}/{}: {} pending reminder(s) of {} task(s) loaded from {} bucket(s) in {} ms",
        config.slice.index, config.slice.count, stats.firings, stats.tasks, stats.buckets,
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                              started)
            .count());
    // The parsed buckets are freed now; hand their pages back to the system instead of
    // keeping them as free heap that a long-running process may never need again.
    malloc_trim(0);
  });
}

}  // namespace

int main(int argc, char** argv) {
  service::Runtime rt({"reminder-scheduler", ports::kReminderScheduler.port, add_scheduler_options},
                      argc, argv);
  SchedulerConfig config;
  try {
    config = scheduler_config_from(rt.args());
  } catch (const std::invalid_argument& e) {
    spdlog::critical("{}", e.what());
    return 2;
  }
  rt.require_state_store();

  dapr::DaprStateStore store(rt.dapr(), service::kStateStore);
  DaprReminderPublisher publisher(rt.publisher(), rt.name());
  SchedulerMetrics metrics(rt.metrics());
  Schedule schedule;
  BucketWriter writer(store, system_wall_clock());

  load_before_serving(rt, store, config, schedule);
  metrics.pending.set(static_cast<double>(schedule.size()));

  FiredRecorder recorder(config.slice, writer, schedule);
  const MissedPolicy policy = config.missed_policy;
  FiringLoop loop(
      schedule, publisher, recorder, metrics,
      [policy](const std::string& /*user_id*/) { return policy; }, config.firing);
  loop.start();

  TaskEventHandler handler(config.slice, writer, schedule, metrics);
  rt.subscriber().subscribe(events::subscription_to(service::kPubSub, events::kTaskEventsTopic),
                            [&handler](const dapr::CloudEvent& ev) { return handler(ev); });
  return rt.run([&loop] { loop.stop(); });
}
