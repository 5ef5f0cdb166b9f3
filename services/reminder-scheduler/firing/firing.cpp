#include "firing/firing.hpp"

namespace todo::reminder_scheduler {

bool operator==(const PlannedFiring& a, const PlannedFiring& b) {
  return a.reminder_id == b.reminder_id && a.fire_at == b.fire_at;
}

bool operator!=(const PlannedFiring& a, const PlannedFiring& b) {
  return !(a == b);
}

std::string make_firing_id(std::string_view task_id, std::string_view reminder_id,
                           time::Instant fire_at) {
  std::string id;
  id.reserve(task_id.size() + reminder_id.size() + 13);
  id.append(task_id).append(":").append(reminder_id).append(":");
  id.append(std::to_string(fire_at.time_since_epoch().count()));
  return id;
}

bool operator==(const TaskSummary& a, const TaskSummary& b) {
  return a.task_id == b.task_id && a.user_id == b.user_id && a.title == b.title &&
         a.description_excerpt == b.description_excerpt && a.priority == b.priority &&
         a.due == b.due && a.time_zone == b.time_zone;
}

}  // namespace todo::reminder_scheduler
