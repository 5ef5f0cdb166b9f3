#include "apply/task_apply.hpp"

#include <algorithm>
#include <utility>

#include "apply/task_reminders.hpp"

namespace todo::reminder_scheduler {
namespace {

bool contains(const std::vector<PlannedFiring>& firings, const PlannedFiring& firing) {
  return std::find(firings.begin(), firings.end(), firing) != firings.end();
}

}  // namespace

ApplyResult apply_change(Bucket& bucket, const TaskChange& change, time::Instant now) {
  const tasks::Task& task = change.task;
  const bool deleted = change.action == "deleted";
  ApplyResult result;
  result.summary = summarize(task);

  const auto stored = bucket.tasks.find(task.id);
  if (stored != bucket.tasks.end()) {
    const auto applied_rank = std::make_pair(stored->second.version, stored->second.deleted);
    if (std::make_pair(task.version, deleted) < applied_rank) {
      result.stale = true;
      result.pending = stored->second.pending;
      return result;
    }
  }
  const std::vector<PlannedFiring> already_pending =
      stored != bucket.tasks.end() ? stored->second.pending : std::vector<PlannedFiring>{};

  for (PlannedFiring& wanted : desired_firings(task, deleted)) {
    if (bucket.settled(make_firing_id(task.id, wanted.reminder_id, wanted.fire_at))) continue;
    if (contains(already_pending, wanted) || wanted.fire_at >= task.updated_at) {
      result.pending.push_back(std::move(wanted));
    }
  }

  StoredTask record;
  record.version = task.version;
  record.deleted = deleted;
  record.summary = result.summary;
  record.pending = result.pending;
  // A tombstone lives kRetention after the last change that reached it.
  if (record.pending.empty()) record.idle_since = now;
  bucket.tasks[task.id] = std::move(record);
  return result;
}

}  // namespace todo::reminder_scheduler
