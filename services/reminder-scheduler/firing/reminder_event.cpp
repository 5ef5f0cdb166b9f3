#include "firing/reminder_event.hpp"

#include <algorithm>
#include <cstdio>

#include "ids/stable_hash.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

namespace todo::reminder_scheduler {
namespace {

using nlohmann::json;

std::string due_local(const TaskSummary& task) {
  return task.due ? time::format_local_due(*task.due) : std::string();
}

// The due as an instant, like task events write it (a date-only due counts from 00:00 local).
std::optional<time::Instant> due_at(const TaskSummary& task) {
  if (!task.due) return std::nullopt;
  try {
    return time::to_utc(*task.due, task.time_zone);
  } catch (const std::invalid_argument&) {
    return std::nullopt;  // a zone this machine does not know: the local due still says it
  }
}

double lateness(const DueFiring& firing, WallTime fired_at) {
  return std::max(0.0, seconds_between(firing.firing.fire_at, fired_at));
}

events::ReminderDue reminder_of(const DueFiring& firing, WallTime fired_at, bool late,
                                int missed_count) {
  const TaskSummary& task = firing.task;
  events::ReminderDue r;
  r.firing_id = firing.id();
  r.task_id = task.task_id;
  r.reminder_id = firing.firing.reminder_id;
  r.user_id = task.user_id;
  r.title = task.title;
  r.description = task.description_excerpt;
  r.priority = tasks::to_string(task.priority);
  r.due = due_local(task);
  r.due_at = due_at(task);
  r.time_zone = task.time_zone;
  r.fire_at = firing.firing.fire_at;
  r.fired_at = to_instant(fired_at);
  r.late = late;
  r.lateness_seconds = lateness(firing, fired_at);
  r.missed_count = missed_count;
  return r;
}

}  // namespace

json reminder_payload(const DueFiring& firing, WallTime fired_at, bool late, int missed_count) {
  return events::to_json(reminder_of(firing, fired_at, late, missed_count));
}

std::string digest_id(const std::string& user_id, const std::vector<DueFiring>& missed) {
  std::vector<std::string> ids;
  ids.reserve(missed.size());
  for (const auto& firing : missed) ids.push_back(firing.id());
  std::sort(ids.begin(), ids.end());
  std::string joined;
  for (const auto& id : ids) joined.append(id).push_back('\n');
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(ids::stable_hash(joined)));
  return "digest:" + user_id + ":" + hash;
}

json digest_payload(const std::string& id, const std::vector<DueFiring>& missed,
                    WallTime fired_at) {
  events::ReminderDue digest =
      reminder_of(missed.back(), fired_at, true, static_cast<int>(missed.size()));
  digest.firing_id = id;
  digest.lateness_seconds = lateness(missed.front(), fired_at);
  for (const auto& firing : missed) {
    events::MissedReminder m;
    m.firing_id = firing.id();
    m.task_id = firing.task.task_id;
    m.reminder_id = firing.firing.reminder_id;
    m.title = firing.task.title;
    m.priority = tasks::to_string(firing.task.priority);
    m.due = due_local(firing.task);
    m.due_at = due_at(firing.task);
    m.fire_at = firing.firing.fire_at;
    m.lateness_seconds = lateness(firing, fired_at);
    digest.missed.push_back(std::move(m));
  }
  return events::to_json(digest);
}

json payload_of(const Delivery& delivery, WallTime fired_at) {
  if (delivery.outcome == FiringOutcome::digest) {
    return digest_payload(delivery.event_id, delivery.firings, fired_at);
  }
  const bool late = delivery.outcome == FiringOutcome::late;
  return reminder_payload(delivery.firings.front(), fired_at, late, late ? 1 : 0);
}

}  // namespace todo::reminder_scheduler
