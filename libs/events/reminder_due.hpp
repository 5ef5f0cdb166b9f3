#pragma once
// todo.reminder.due.v1 on topic `reminders`: reminder-scheduler writes it (to_json), and
// notification-service reads it (parse_reminder_due); proto ReminderDue documents every field.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "events/topics.hpp"
#include "time/instant.hpp"

namespace todo::events {

inline constexpr const char* kReminderDueType = "todo.reminder.due.v1";

struct MissedReminder {
  std::string firing_id, task_id, reminder_id, title, priority;
  std::string due;  // local, as the task has it, or "" (null on the wire)
  std::optional<time::Instant> due_at;
  time::Instant fire_at;
  double lateness_seconds = 0;
};

struct ReminderDue {
  std::string firing_id, task_id, reminder_id, user_id, title, description, priority;
  std::string due;  // local, as the task has it: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]", or ""
  std::optional<time::Instant> due_at;
  std::string time_zone;  // the task's zone
  time::Instant fire_at;
  std::optional<time::Instant> fired_at;  // when the scheduler published it
  bool late = false;
  double lateness_seconds = 0;  // fired_at - fire_at (a digest: of its oldest firing)
  int missed_count = 0;
  std::vector<MissedReminder> missed;  // a digest's firings, oldest first
};

// The payload: every member above; "due" and "due_at" null when unset, "missed" only for a
// digest.
nlohmann::json to_json(const ReminderDue& reminder);
// Throws errors::MalformedMessage naming the first problem.
ReminderDue parse_reminder_due(const nlohmann::json& data);

}  // namespace todo::events
