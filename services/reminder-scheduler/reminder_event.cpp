#include "reminder_event.hpp"

#include <algorithm>
#include <cstdio>

#include "ids/stable_hash.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

namespace todo::reminder_scheduler {
namespace {

using nlohmann::json;

json due_local(const TaskSummary& task) {
  return task.due ? json(time::format_local_due(*task.due)) : json(nullptr);
}

// The due as an instant, like task events write it (a date-only due counts from 00:00 local).
json due_at(const TaskSummary& task) {
  if (!task.due) return nullptr;
  try {
    return time::format_rfc3339(time::to_utc(*task.due, task.time_zone));
  } catch (const std::invalid_argument&) {
    return nullptr;  // a zone this machine does not know: the local due still says it
  }
}

double lateness(const DueFiring& firing, WallTime fired_at) {
  return std::max(0.0, seconds_between(firing.firing.fire_at, fired_at));
}

}  // namespace

json reminder_payload(const DueFiring& firing, WallTime fired_at, bool late, int missed_count) {
  const TaskSummary& task = firing.task;
  return {{"firing_id", firing.id()},
          {"task_id", task.task_id},
          {"reminder_id", firing.firing.reminder_id},
          {"user_id", task.user_id},
          {"title", task.title},
          {"description", task.description_excerpt},
          {"priority", tasks::to_string(task.priority)},
          {"due", due_local(task)},
          {"due_at", due_at(task)},
          {"time_zone", task.time_zone},
          {"fire_at", time::format_rfc3339(firing.firing.fire_at)},
          {"fired_at", time::format_rfc3339(to_instant(fired_at))},
          {"late", late},
          {"lateness_seconds", lateness(firing, fired_at)},
          {"missed_count", missed_count}};
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
  json payload = reminder_payload(missed.back(), fired_at, true, static_cast<int>(missed.size()));
  payload["firing_id"] = id;
  payload["lateness_seconds"] = lateness(missed.front(), fired_at);
  json list = json::array();
  for (const auto& firing : missed) {
    list.push_back({{"firing_id", firing.id()},
                    {"task_id", firing.task.task_id},
                    {"reminder_id", firing.firing.reminder_id},
                    {"title", firing.task.title},
                    {"priority", tasks::to_string(firing.task.priority)},
                    {"due", due_local(firing.task)},
                    {"due_at", due_at(firing.task)},
                    {"fire_at", time::format_rfc3339(firing.firing.fire_at)},
                    {"lateness_seconds", lateness(firing, fired_at)}});
  }
  payload["missed"] = std::move(list);
  return payload;
}

json payload_of(const Delivery& delivery, WallTime fired_at) {
  if (delivery.outcome == FiringOutcome::digest) {
    return digest_payload(delivery.event_id, delivery.firings, fired_at);
  }
  const bool late = delivery.outcome == FiringOutcome::late;
  return reminder_payload(delivery.firings.front(), fired_at, late, late ? 1 : 0);
}

}  // namespace todo::reminder_scheduler
