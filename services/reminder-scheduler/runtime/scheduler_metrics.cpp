#include "runtime/scheduler_metrics.hpp"

namespace todo::reminder_scheduler {
namespace {

// From "on time" (a few ms) to "the scheduler was down for a day".
std::vector<double> lateness_buckets() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86400};
}

}  // namespace

const char* to_string(FiringOutcome outcome) {
  switch (outcome) {
    case FiringOutcome::fired:
      return "fired";
    case FiringOutcome::late:
      return "late";
    case FiringOutcome::skipped:
      return "skipped";
    case FiringOutcome::digest:
      return "digest";
  }
  return "fired";
}

SchedulerMetrics::SchedulerMetrics(metrics::Registry& registry)
    : pending(registry.gauge("reminders_pending", "Reminder firings pending or being published")),
      lateness(registry.histogram("reminder_lateness_seconds",
                                  "From a reminder's instant to its event accepted by the sidecar",
                                  {}, lateness_buckets())),
      publish_failures(registry.counter("reminder_publish_failures_total",
                                        "Reminder events the sidecar did not accept (retried)")),
      record_failures(registry.counter("reminder_record_failures_total",
                                       "Bucket writes recording fired reminders that failed "
                                       "(retried)")),
      registry_(registry) {}

void SchedulerMetrics::count_fired(FiringOutcome outcome, double firings) {
  registry_
      .counter("reminders_fired_total", "Reminder firings settled, by outcome",
               {{"outcome", to_string(outcome)}})
      .inc(firings);
}

void SchedulerMetrics::count_event(const std::string& action) {
  registry_
      .counter("reminder_events_total", "Task events received, by action", {{"action", action}})
      .inc();
}

void SchedulerMetrics::count_ignored(const std::string& reason) {
  registry_
      .counter("reminder_events_ignored_total",
               "Task events left alone: another slice's user, or older than what was applied",
               {{"reason", reason}})
      .inc();
}

}  // namespace todo::reminder_scheduler
