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

nlohmann::json text_or_null(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json instant_or_null(const std::optional<time::Instant>& value) {
  return value ? nlohmann::json(time::format_rfc3339(*value)) : nlohmann::json(nullptr);
}

double number(const nlohmann::json& data, const char* name) {
  auto it = data.find(name);
  return it != data.end() && it->is_number() ? it->get<double>() : 0.0;
}

}  // namespace

nlohmann::json to_json(const ReminderDue& r) {
  nlohmann::json out = {{"firing_id", r.firing_id},
                        {"task_id", r.task_id},
                        {"reminder_id", r.reminder_id},
                        {"user_id", r.user_id},
                        {"title", r.title},
                        {"description", r.description},
                        {"priority", r.priority},
                        {"due", text_or_null(r.due)},
                        {"due_at", instant_or_null(r.due_at)},
                        {"time_zone", r.time_zone},
                        {"fire_at", time::format_rfc3339(r.fire_at)},
                        {"fired_at", instant_or_null(r.fired_at)},
                        {"late", r.late},
                        {"lateness_seconds", r.lateness_seconds},
                        {"missed_count", r.missed_count}};
  if (!r.missed.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const MissedReminder& m : r.missed) {
      list.push_back({{"firing_id", m.firing_id},
                      {"task_id", m.task_id},
                      {"reminder_id", m.reminder_id},
                      {"title", m.title},
                      {"priority", m.priority},
                      {"due", text_or_null(m.due)},
                      {"due_at", instant_or_null(m.due_at)},
                      {"fire_at", time::format_rfc3339(m.fire_at)},
                      {"lateness_seconds", m.lateness_seconds}});
    }
    out["missed"] = std::move(list);
  }
  return out;
}

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
  r.fired_at = optional_instant(data, "fired_at");
  r.late = data.value("late", false);
  r.lateness_seconds = number(data, "lateness_seconds");
  if (auto it = data.find("missed_count"); it != data.end() && it->is_number_integer())
    r.missed_count = it->get<int>();
  if (auto it = data.find("missed"); it != data.end()) {
    if (!it->is_array()) throw errors::MalformedMessage("'missed' is not an array");
    for (const auto& m : *it) {
      if (!m.is_object()) throw errors::MalformedMessage("a missed reminder is not an object");
      MissedReminder item;
      item.firing_id = text(m, "firing_id");
      item.task_id = text(m, "task_id");
      item.reminder_id = text(m, "reminder_id", false);
      item.title = text(m, "title", false);
      item.priority = text(m, "priority", false);
      item.due = text(m, "due", false);
      item.due_at = optional_instant(m, "due_at");
      item.fire_at = instant(m, "fire_at");
      item.lateness_seconds = number(m, "lateness_seconds");
      r.missed.push_back(std::move(item));
    }
  }
  return r;
}

}  // namespace todo::events
