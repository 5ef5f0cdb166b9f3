#pragma once
// One due reminder, as the notification service renders it for every delivery channel. Built from
// the reminder.due event (services/reminder-scheduler/reminder_event.hpp) plus the user's
// preferences and the service's public base URL; the renderers beside it are pure functions.
#include <optional>
#include <string>
#include <vector>

#include "time/instant.hpp"

namespace todo::notify {

// One reminder of a digest of missed reminders.
struct MissedItem {
  std::string task_id, title, priority;
  std::optional<time::Instant> due_at;  // null when the task has no due time
  time::Instant fire_at;
};

struct ReminderNotice {
  std::string notification_id;                       // the firing id (CloudEvent id)
  std::string task_id, user_id, title, description;  // description: excerpt (<= 200 code points)
  std::string priority;                              // low|medium|high|urgent
  std::optional<time::Instant> due_at;               // null when the task has no due time
  std::string time_zone;  // the user's IANA zone: every time shown is local to it (UTC if unknown)
  time::Instant fire_at;
  bool late = false;
  std::vector<MissedItem> missed;  // non-empty for a digest of several missed reminders
  std::string task_link;           // e.g. http://127.0.0.1:8080/tasks/<task_id>
  std::string notification_link;   // e.g. http://127.0.0.1:8080/notifications/<id>
  // True when the task's due is a date without a time of day (the event's "due" is "YYYY-MM-DD"):
  // due_at is then local midnight, and only the date is shown.
  bool due_date_only = false;
};

}  // namespace todo::notify
