#pragma once
// todo.reminder.due.v1 on topic `reminders`, read side (the scheduler writes it:
// services/reminder-scheduler/reminder_event.hpp documents every field; proto ReminderDue).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "events/topics.hpp"
#include "time/instant.hpp"

namespace todo::events {

inline constexpr const char* kReminderDueType = "todo.reminder.due.v1";

struct MissedReminder {
  std::string firing_id, task_id, title, priority;
  std::optional<time::Instant> due_at;
  time::Instant fire_at;
};

struct ReminderDue {
  std::string firing_id, task_id, reminder_id, user_id, title, description, priority;
  std::string due;  // local, as the task has it: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]", or ""
  std::optional<time::Instant> due_at;
  std::string time_zone;  // the task's zone
  time::Instant fire_at;
  bool late = false;
  int missed_count = 0;
  std::vector<MissedReminder> missed;  // a digest's firings, oldest first
};

// Throws errors::MalformedMessage naming the first problem.
ReminderDue parse_reminder_due(const nlohmann::json& data);

}  // namespace todo::events
