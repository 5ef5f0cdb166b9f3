#pragma once
// Applies each task event to the durable schedule, then to the in-memory one. The event is
// acknowledged (SUCCESS) only after its bucket is saved, so a crash never loses a change: Dapr
// delivers it again, and applying it again changes nothing.
#include "buckets/bucket_writer.hpp"
#include "dapr/subscriber.hpp"
#include "runtime/scheduler_metrics.hpp"
#include "runtime/slice.hpp"
#include "schedule/schedule.hpp"

namespace todo::reminder_scheduler {

class TaskEventHandler {
 public:
  TaskEventHandler(Slice slice, BucketWriter& writer, Schedule& schedule,
                   SchedulerMetrics& metrics);

  // Throws errors::MalformedMessage for an event that can never be applied (dead-lettered); other
  // exceptions (the state store is down) mean "try again" to the subscriber.
  dapr::Outcome operator()(const dapr::CloudEvent& event);

 private:
  Slice slice_;
  BucketWriter& writer_;
  Schedule& schedule_;
  SchedulerMetrics& metrics_;
};

}  // namespace todo::reminder_scheduler
