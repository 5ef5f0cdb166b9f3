#include "tasks/task_json_writer.hpp"

#include <nlohmann/json.hpp>

#include "text/utf8.hpp"
#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasks {
namespace {

void append_key(std::string& out, const char* key) {
  out += '"';
  out += key;
  out += "\":";
}

void append_optional_string(std::string& out, const std::optional<std::string>& text) {
  if (text) {
    append_json_string(out, *text);
  } else {
    out += "null";
  }
}

void append_instant(std::string& out, const std::optional<time::Instant>& instant) {
  if (instant) {
    out += '"';
    out += time::format_rfc3339(*instant);
    out += '"';
  } else {
    out += "null";
  }
}

void append_reminder(std::string& out, const Reminder& reminder, const Task& task) {
  // Members in the order nlohmann::json keeps them (sorted by name).
  out += '{';
  if (reminder.at) {
    append_key(out, "at");
    append_instant(out, reminder.at);
    out += ',';
  }
  if (reminder.before) {
    append_key(out, "before");
    out += '"';
    out += time::format_iso8601_duration(*reminder.before);
    out += "\",";
  }
  append_key(out, "fire_at");
  std::optional<time::Instant> fire_at;
  try {
    fire_at = reminder_fire_at(reminder, task.due, task.time_zone);
  } catch (const std::invalid_argument&) {
    // A zone the OS database no longer knows: like to_json, the task is still written.
  }
  append_instant(out, fire_at);
  out += ',';
  append_key(out, "id");
  append_json_string(out, reminder.id);
  out += '}';
}

}  // namespace

void append_json_string(std::string& out, const std::string& text) {
  if (!text::is_utf8(text)) {
    out += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void append_task_json(std::string& out, const Task& task) {
  // Members sorted by name, as nlohmann::json writes them, so both writers agree byte for byte.
  out += '{';
  append_key(out, "completed_at");
  append_instant(out, task.completed_at);
  out += ',';
  append_key(out, "created_at");
  append_instant(out, task.created_at);
  out += ',';
  append_key(out, "description");
  append_json_string(out, task.description);
  out += ',';
  append_key(out, "due");
  append_optional_string(
      out, task.due ? std::optional<std::string>(time::format_local_due(*task.due)) : std::nullopt);
  out += ',';
  append_key(out, "due_at");
  append_instant(out, task.due_at);
  out += ',';
  append_key(out, "id");
  append_json_string(out, task.id);
  out += ',';
  append_key(out, "occurrence_index");
  out += std::to_string(task.occurrence_index);
  out += ',';
  append_key(out, "parent_id");
  append_optional_string(out, task.parent_id);
  out += ',';
  append_key(out, "priority");
  append_json_string(out, to_string(task.priority));
  out += ',';
  append_key(out, "recurrence");
  if (task.recurrence) {
    out += "{\"mode\":";
    append_json_string(out, to_string(task.recurrence->mode));
    out += ",\"rrule\":";
    append_json_string(out, task.recurrence->rrule);
    out += '}';
  } else {
    out += "null";
  }
  out += ',';
  append_key(out, "reminders");
  out += '[';
  for (std::size_t i = 0; i < task.reminders.size(); ++i) {
    if (i > 0) out += ',';
    append_reminder(out, task.reminders[i], task);
  }
  out += "],";
  append_key(out, "series_id");
  append_optional_string(out, task.series_id);
  out += ',';
  append_key(out, "status");
  append_json_string(out, to_string(task.status));
  out += ',';
  append_key(out, "tags");
  out += '[';
  for (std::size_t i = 0; i < task.tags.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, task.tags[i]);
  }
  out += "],";
  append_key(out, "time_zone");
  append_json_string(out, task.time_zone);
  out += ',';
  append_key(out, "title");
  append_json_string(out, task.title);
  out += ',';
  append_key(out, "updated_at");
  append_instant(out, task.updated_at);
  out += ',';
  append_key(out, "user_id");
  append_json_string(out, task.user_id);
  out += ',';
  append_key(out, "version");
  out += std::to_string(task.version);
  out += '}';
}

std::string task_page_json(const std::vector<Task>& items,
                           const std::optional<std::string>& next_cursor) {
  std::string out;
  // About 500 bytes a task: one allocation for a typical page.
  out.reserve(64 + items.size() * 640);
  out += "{\"items\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_task_json(out, items[i]);
  }
  out += "],\"next_cursor\":";
  append_optional_string(out, next_cursor);
  out += '}';
  return out;
}

}  // namespace todo::tasks
