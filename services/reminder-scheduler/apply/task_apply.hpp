#pragma once
// How one task event changes a bucket: the task's pending firings become the firings it wants
// now (task_reminders.hpp), minus those already fired or skipped, with two guards:
//
// - Order. Events of one task can come back out of order (redelivery after a retry). The bucket
//   keeps the version of the last applied snapshot, and an event ranking below it is ignored.
//   Rank is (version, deleted): a delete carries the last snapshot unchanged, so at equal version
//   it outranks the update it followed. An event of equal rank is applied again, idempotently.
// - The past. A firing that is not already pending is added only if its instant is not before
//   the change (the snapshot's updated_at): editing a task whose reminder rang last month, or
//   reopening a task, must not ring the past again; a reminder that was still ahead when the
//   user set it is kept even if the event arrives after its instant (it then fires late).
#include <string>
#include <vector>

#include "buckets/bucket.hpp"
#include "firing/firing.hpp"
#include "tasks/task.hpp"

namespace todo::reminder_scheduler {

struct TaskChange {
  std::string action;  // created | updated | completed | reopened | deleted
  tasks::Task task;    // the snapshot after the change
};

struct ApplyResult {
  bool stale = false;                  // ignored: the bucket has seen a newer change
  TaskSummary summary;                 // the task's data, for the schedule
  std::vector<PlannedFiring> pending;  // the task's pending firings after the change
};

// Applies `change` to `bucket` at `now` (when a task without pending firings became idle).
// Throws std::invalid_argument when the task's zone is unknown.
ApplyResult apply_change(Bucket& bucket, const TaskChange& change, time::Instant now);

}  // namespace todo::reminder_scheduler
