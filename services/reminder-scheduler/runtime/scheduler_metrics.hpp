#pragma once
// The scheduler's metrics, named once here (see docs/reminders.md for what each one means).
#include <string>

#include "metrics/metrics.hpp"

namespace todo::reminder_scheduler {

enum class FiringOutcome { fired, late, skipped, digest };
const char* to_string(FiringOutcome outcome);

class SchedulerMetrics {
 public:
  explicit SchedulerMetrics(metrics::Registry& registry);

  // reminders_pending: firings pending or being published.
  metrics::Gauge& pending;
  // reminder_lateness_seconds: fire instant to publish accepted.
  metrics::Histogram& lateness;
  metrics::Counter& publish_failures;
  metrics::Counter& record_failures;

  // reminders_fired_total{outcome}: one per firing.
  void count_fired(FiringOutcome outcome, double firings = 1);
  // reminder_events_total{action}: every task event received, also other slices'.
  void count_event(const std::string& action);
  // reminder_events_ignored_total{reason}: other_slice | stale.
  void count_ignored(const std::string& reason);

 private:
  metrics::Registry& registry_;
};

}  // namespace todo::reminder_scheduler
