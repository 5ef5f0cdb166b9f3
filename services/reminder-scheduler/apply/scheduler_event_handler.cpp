#include "apply/scheduler_event_handler.hpp"

#include <spdlog/spdlog.h>

#include "apply/task_apply.hpp"
#include "apply/task_reminders.hpp"
#include "buckets/bucket_layout.hpp"
#include "dapr/state_store.hpp"
#include "events/task_event.hpp"
#include "tasks/task_json.hpp"

namespace todo::reminder_scheduler {
namespace {

// The event's change, or errors::MalformedMessage naming what is wrong with it.
TaskChange decode(const events::TaskEventView& view) {
  TaskChange change;
  change.action = view.action;
  try {
    change.task = tasks::task_from_json(view.task);
  } catch (const std::invalid_argument& e) {
    throw errors::MalformedMessage(std::string("task snapshot: ") + e.what());
  }
  if (change.task.user_id != view.user_id) {
    throw errors::MalformedMessage("the event's user_id differs from the snapshot's");
  }
  return change;
}

}  // namespace

TaskEventHandler::TaskEventHandler(Slice slice, BucketWriter& writer, Schedule& schedule,
                                   SchedulerMetrics& metrics)
    : slice_(slice), writer_(writer), schedule_(schedule), metrics_(metrics) {}

dapr::Outcome TaskEventHandler::operator()(const dapr::CloudEvent& event) {
  const auto view =
      events::parse_task_event(event.data);  // throws errors::MalformedMessage when malformed
  metrics_.count_event(view.action);
  if (!slice_.owns(view.user_id)) {
    metrics_.count_ignored("other_slice");
    return dapr::Outcome::success;
  }
  const TaskChange change = decode(view);
  try {
    // Most tasks have no reminder: when the task wants no firing and has none, there is nothing
    // to cancel and nothing to store, so the state store is not touched at all.
    const bool deleted = change.action == "deleted";
    if (desired_firings(change.task, deleted).empty() && !schedule_.has_task(change.task.id)) {
      return dapr::Outcome::success;
    }
    ApplyResult result;
    writer_.update(
        bucket_key_for_task(slice_, change.task.id),
        [&](Bucket& bucket) {
          result = apply_change(bucket, change, to_instant(writer_.now()));
          return !result.stale;
        },
        [&] { schedule_.replace(result.summary, result.pending); });
    if (result.stale) {
      metrics_.count_ignored("stale");
      spdlog::info("task {}: version {} is older than the applied one, ignored", change.task.id,
                   change.task.version);
    }
  } catch (const std::invalid_argument& e) {
    throw errors::MalformedMessage(std::string("cannot compute the reminders' instants: ") +
                                   e.what());
  } catch (const dapr::WriteConflict&) {
    spdlog::warn("task {}: its bucket kept changing under us, retrying event {}", change.task.id,
                 event.id);
    return dapr::Outcome::retry;
  }
  metrics_.pending.set(static_cast<double>(schedule_.size()));
  return dapr::Outcome::success;
}

}  // namespace todo::reminder_scheduler
