#include "notice_builder.hpp"

#include "time/rfc3339.hpp"

namespace todo::notify {

ReminderNotice build_notice(const std::string& notification_id, const events::ReminderDue& due,
                            const std::optional<Profile>& profile, const std::string& app_url) {
  ReminderNotice n;
  n.notification_id = notification_id;
  n.task_id = due.task_id;
  n.user_id = due.user_id;
  n.title = due.title;
  n.description = due.description;
  n.priority = due.priority;
  n.due_at = due.due_at;
  // The user's own zone when we know it: "due at 09:00" must read in the reader's time.
  n.time_zone = profile && !profile->time_zone.empty() ? profile->time_zone : due.time_zone;
  n.fire_at = due.fire_at;
  n.late = due.late;
  for (const auto& m : due.missed) {
    n.missed.push_back({m.task_id, m.title, m.priority, m.due_at, m.fire_at});
  }
  n.task_link = app_url + "/tasks/" + due.task_id;
  n.notification_link = app_url + "/notifications/" + notification_id;
  n.due_date_only = due.due.size() == 10;  // "YYYY-MM-DD": a date without a time of day
  return n;
}

nlohmann::json inbox_item(const ReminderNotice& notice, const nlohmann::json& channels,
                          time::Instant created_at) {
  auto optional_instant = [](const std::optional<time::Instant>& t) -> nlohmann::json {
    if (!t) return nullptr;
    return time::format_rfc3339(*t);
  };
  return {{"id", notice.notification_id},
          {"task_id", notice.task_id},
          {"title", notice.title},
          {"priority", notice.priority},
          {"due_at", optional_instant(notice.due_at)},
          {"fire_at", time::format_rfc3339(notice.fire_at)},
          {"created_at", time::format_rfc3339(created_at)},
          {"late", notice.late},
          {"missed_count", notice.missed.size()},
          {"read", false},
          {"dismissed", false},
          {"snoozed_until", nullptr},
          {"channels", channels}};
}

}  // namespace todo::notify
