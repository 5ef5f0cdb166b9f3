#include "events/reminder_due.hpp"

#include "errors/domain_error.hpp"
#include "time/rfc3339.hpp"

namespace todo::events {
namespace {

std::string text(const nlohmann::json& data, const char* name, bool required = true) {
  auto it = data.find(name);
  if (it == data.end() || it->is_null()) {
    if (required) throw errors::MalformedMessage(std::string("reminder lacks '") + name + "'");
    return "";
  }
  if (!it->is_string())
    throw errors::MalformedMessage(std::string("'") + name + "' is not a string");
  if (required && it->get<std::string>().empty())
    throw errors::MalformedMessage(std::string("'") + name + "' is empty");
  return it->get<std::string>();
}

time::Instant instant(const nlohmann::json& data, const char* name) {
  auto parsed = time::parse_rfc3339(text(data, name));
  if (!parsed.ok()) throw errors::MalformedMessage(std::string("'") + name + "' is not RFC 3339");
  return *parsed;
}

std::optional<time::Instant> optional_instant(const nlohmann::json& data, const char* name) {
  if (text(data, name, false).empty()) return std::nullopt;
  return instant(data, name);
}

}  // namespace

ReminderDue parse_reminder_due(const nlohmann::json& data) {
  if (!data.is_object()) throw errors::MalformedMessage("reminder payload is not a JSON object");
  ReminderDue r;
  r.firing_id = text(data, "firing_id");
  r.task_id = text(data, "task_id");
  r.reminder_id = text(data, "reminder_id", false);
  r.user_id = text(data, "user_id");
  r.title = text(data, "title", false);
  r.description = text(data, "description", false);
  r.priority = text(data, "priority", false);
  if (r.priority.empty()) r.priority = "medium";
  r.due = text(data, "due", false);
  r.due_at = optional_instant(data, "due_at");
  r.time_zone = text(data, "time_zone", false);
  if (r.time_zone.empty()) r.time_zone = "UTC";
  r.fire_at = instant(data, "fire_at");
  r.late = data.value("late", false);
  if (auto it = data.find("missed_count"); it != data.end() && it->is_number_integer())
    r.missed_count = it->get<int>();
  if (auto it = data.find("missed"); it != data.end()) {
    if (!it->is_array()) throw errors::MalformedMessage("'missed' is not an array");
    for (const auto& m : *it) {
      if (!m.is_object()) throw errors::MalformedMessage("a missed reminder is not an object");
      MissedReminder item;
      item.firing_id = text(m, "firing_id");
      item.task_id = text(m, "task_id");
      item.title = text(m, "title", false);
      item.priority = text(m, "priority", false);
      item.due_at = optional_instant(m, "due_at");
      item.fire_at = instant(m, "fire_at");
      r.missed.push_back(std::move(item));
    }
  }
  return r;
}

}  // namespace todo::events
