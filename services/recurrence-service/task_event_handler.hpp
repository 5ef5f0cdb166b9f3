#pragma once
#include "dapr/client.hpp"
#include "dapr/subscriber.hpp"
#include "metrics/metrics.hpp"

namespace todo::recurrence {

// Applies one task event. Validates the envelope's payload (a task event carries the task
// snapshot) and counts what it saw; computing next occurrences builds on this.
class TaskEventHandler {
 public:
  TaskEventHandler(dapr::Client& dapr, metrics::Registry& registry);
  dapr::Outcome operator()(const dapr::CloudEvent& event);

 private:
  dapr::Client& dapr_;
  metrics::Registry& registry_;
};

}  // namespace todo::recurrence
