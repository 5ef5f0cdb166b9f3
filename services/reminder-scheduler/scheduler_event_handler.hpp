#pragma once
// Applies each task event to the durable schedule, then to the in-memory one. The event is
// acknowledged (SUCCESS) only after its bucket is saved, so a crash never loses a change: Dapr
// delivers it again, and applying it again changes nothing.
// (Not named task_event_handler.hpp: the unit tests see every service's include folder, and
// recurrence-service has a header by that name.)
#include "bucket_writer.hpp"
#include "dapr/subscriber.hpp"
#include "schedule.hpp"
#include "scheduler_metrics.hpp"
#include "slice.hpp"

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
