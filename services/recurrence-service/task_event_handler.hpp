#pragma once
// Applies one task event: completions of recurring tasks go to the series tracker; every other
// event is only counted.
#include "dapr/subscriber.hpp"
#include "metrics/metrics.hpp"
#include "series_tracker.hpp"

namespace todo::recurrence_service {

class TaskEventHandler {
 public:
  TaskEventHandler(ProgressStore& store, CommandSender& sender, metrics::Registry& registry);
  dapr::Outcome operator()(const dapr::CloudEvent& event);

 private:
  ProgressStore& store_;
  CommandSender& sender_;
  metrics::Registry& registry_;
};

}  // namespace todo::recurrence_service
