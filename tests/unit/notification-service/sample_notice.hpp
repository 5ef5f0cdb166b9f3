#pragma once
// The "Pay rent" reminder the message renderer tests share, varied where a test needs it.
#include <string>

#include "messages/reminder_notice.hpp"
#include "time/rfc3339.hpp"

namespace todo::notify::testing {

inline time::Instant at(const char* rfc3339) {
  return *time::parse_rfc3339(rfc3339);
}

// Task t1 "Pay rent" of user u1, notification fire-1, links under `base`.
inline ReminderNotice rent_notice(const std::string& priority, const char* due_at,
                                  const char* fire_at, const char* zone,
                                  const std::string& base = "http://127.0.0.1:8080") {
  ReminderNotice n;
  n.notification_id = "fire-1";
  n.task_id = "t1";
  n.user_id = "u1";
  n.title = "Pay rent";
  n.description = "Transfer to the landlord";
  n.priority = priority;
  n.due_at = at(due_at);
  n.time_zone = zone;
  n.fire_at = at(fire_at);
  n.task_link = base + "/tasks/t1";
  n.notification_link = base + "/notifications/fire-1";
  return n;
}

}  // namespace todo::notify::testing
