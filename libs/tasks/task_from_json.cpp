#include <limits>
#include <stdexcept>

#include "tasks/field_errors.hpp"
#include "tasks/task_json.hpp"
#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasks {
namespace {

using nlohmann::json;

[[noreturn]] void malformed(const std::string& member, const std::string& problem) {
  throw std::invalid_argument("task." + member + ": " + problem);
}

std::string required_string(const json& object, const char* name) {
  const json& value = member_or_null(object, name);
  if (!value.is_string()) malformed(name, "must be a string");
  return value.get<std::string>();
}

std::optional<std::string> optional_string(const json& object, const char* name) {
  const json& value = member_or_null(object, name);
  if (value.is_null()) return std::nullopt;
  if (!value.is_string()) malformed(name, "must be a string or null");
  return value.get<std::string>();
}

time::Instant instant_from(const std::string& text, const std::string& member) {
  const auto parsed = time::parse_rfc3339(text);
  if (!parsed) malformed(member, parsed.error());
  return *parsed;
}

std::optional<time::Instant> optional_instant(const json& object, const char* name) {
  const auto text = optional_string(object, name);
  if (!text) return std::nullopt;
  return instant_from(*text, name);
}

std::optional<Recurrence> recurrence_from(const json& value) {
  if (value.is_null()) return std::nullopt;
  if (!value.is_object()) malformed("recurrence", "must be an object or null");
  Recurrence recurrence;
  recurrence.rrule = required_string(value, "rrule");
  if (recurrence.rrule.empty()) malformed("recurrence.rrule", "must not be empty");
  const auto mode_text = optional_string(value, "mode");
  if (mode_text) {
    const auto mode = parse_recurrence_mode(*mode_text);
    if (!mode) malformed("recurrence.mode", "must be due or completion");
    recurrence.mode = *mode;
  }
  return recurrence;
}

}  // namespace

Reminder reminder_from_json(const json& value, std::size_t index) {
  const std::string member = "reminders[" + std::to_string(index) + "]";
  if (!value.is_object()) malformed(member, "must be an object");
  Reminder reminder;
  const auto id = optional_string(value, "id");
  if (!id || id->empty()) malformed(member + ".id", "must be a non-empty string");
  reminder.id = *id;
  if (const auto before = optional_string(value, "before")) {
    const auto parsed = time::parse_iso8601_duration(*before);
    if (!parsed) malformed(member + ".before", parsed.error());
    reminder.before = *parsed;
  }
  if (const auto at = optional_string(value, "at")) reminder.at = instant_from(*at, member + ".at");
  if (reminder.before.has_value() == reminder.at.has_value()) {
    malformed(member, "must have exactly one of before or at");
  }
  return reminder;
}

Task task_from_json(const json& object) {
  if (!object.is_object()) throw std::invalid_argument("task: must be a JSON object");
  Task task;
  task.id = required_string(object, "id");
  task.user_id = required_string(object, "user_id");
  task.title = required_string(object, "title");
  task.description = optional_string(object, "description").value_or("");

  const auto priority = parse_priority(required_string(object, "priority"));
  if (!priority) malformed("priority", std::string("must be one of ") + priority_choices());
  task.priority = *priority;
  const auto status = parse_task_status(required_string(object, "status"));
  if (!status) malformed("status", "must be open or completed");
  task.status = *status;

  const json& tags = member_or_null(object, "tags");
  if (!tags.is_null() && !tags.is_array()) malformed("tags", "must be an array of strings");
  for (const json& tag : tags) {
    if (!tag.is_string()) malformed("tags", "must be an array of strings");
    task.tags.push_back(tag.get<std::string>());
  }

  if (const auto due = optional_string(object, "due")) {
    const auto parsed = time::parse_local_due(*due);
    if (!parsed) malformed("due", parsed.error());
    task.due = *parsed;
  }
  task.time_zone = required_string(object, "time_zone");
  task.due_at = optional_instant(object, "due_at");

  const json& reminders = member_or_null(object, "reminders");
  if (!reminders.is_null() && !reminders.is_array()) malformed("reminders", "must be an array");
  for (std::size_t i = 0; i < reminders.size() && reminders.is_array(); ++i) {
    task.reminders.push_back(reminder_from_json(reminders[i], i));
  }
  task.recurrence = recurrence_from(member_or_null(object, "recurrence"));
  task.series_id = optional_string(object, "series_id");
  task.parent_id = optional_string(object, "parent_id");

  const json& index = member_or_null(object, "occurrence_index");
  if (!index.is_null()) {
    const bool in_range = index.is_number_integer() && index.get<std::int64_t>() >= 0 &&
                          index.get<std::int64_t>() <= std::numeric_limits<int>::max();
    if (!in_range) malformed("occurrence_index", "must be a non-negative integer");
    task.occurrence_index = index.get<int>();
  }
  task.completed_at = optional_instant(object, "completed_at");
  task.created_at = instant_from(required_string(object, "created_at"), "created_at");
  task.updated_at = instant_from(required_string(object, "updated_at"), "updated_at");
  const json& version = member_or_null(object, "version");
  if (!version.is_number_integer()) malformed("version", "must be an integer");
  task.version = version.get<std::int64_t>();
  return task;
}

}  // namespace todo::tasks
