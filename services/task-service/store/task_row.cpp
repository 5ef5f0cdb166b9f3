#include "store/task_row.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "json/bounded_parse.hpp"
#include "store/pg_array.hpp"
#include "tasks/task_json.hpp"
#include "tasks/task_recurrence.hpp"
#include "tasks/task_status.hpp"
#include "time/local_due.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {
namespace {

using nlohmann::json;

std::optional<std::string> format_instant(const std::optional<time::Instant>& instant) {
  if (!instant) return std::nullopt;
  return time::format_rfc3339(*instant);
}

}  // namespace

const char* const kTaskColumns =
    "id::text AS id, user_id::text AS user_id, title, description, priority, "
    "tags, status, due_local, time_zone, "
    "floor(extract(epoch FROM due_at))::bigint AS due_at, reminders::text AS reminders, rrule, "
    "recurrence_mode, series_id::text AS series_id, parent_id::text AS parent_id, "
    "occurrence_index, floor(extract(epoch FROM completed_at))::bigint AS completed_at, "
    "floor(extract(epoch FROM created_at))::bigint AS created_at, "
    "floor(extract(epoch FROM updated_at))::bigint AS updated_at, version";

int priority_to_db(tasks::Priority priority) {
  // priority_rank is 1..4; the column keeps the 0-based form the schema documents.
  return tasks::priority_rank(priority) - 1;
}

tasks::Priority priority_from_db(int value) {
  switch (value) {
    case 0:
      return tasks::Priority::low;
    case 1:
      return tasks::Priority::medium;
    case 2:
      return tasks::Priority::high;
    case 3:
      return tasks::Priority::urgent;
    default:
      throw std::runtime_error("tasks.priority holds " + std::to_string(value) + ", outside 0..3");
  }
}

std::optional<std::string> optional_text(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

std::optional<time::Instant> optional_epoch(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return time::Instant{std::chrono::seconds{field.as<long long>()}};
}

tasks::Task task_from_row(const pqxx::row& row) {
  // Built directly from the columns, by position (kTaskColumns' order): this runs for every row of
  // every list page, and both going through the wire JSON and looking columns up by name were
  // visible shares of a page's CPU.
  enum Column {
    kId,
    kUserId,
    kTitle,
    kDescription,
    kPriority,
    kTags,
    kStatus,
    kDueLocal,
    kTimeZone,
    kDueAt,
    kReminders,
    kRrule,
    kRecurrenceMode,
    kSeriesId,
    kParentId,
    kOccurrenceIndex,
    kCompletedAt,
    kCreatedAt,
    kUpdatedAt,
    kVersion
  };
  try {
    tasks::Task task;
    task.id = row[kId].c_str();
    task.user_id = row[kUserId].c_str();
    task.title = std::string(row[kTitle].c_str(), row[kTitle].size());
    task.description = std::string(row[kDescription].c_str(), row[kDescription].size());
    task.priority = priority_from_db(row[kPriority].as<int>());
    task.tags = pg_text_array_items(row[kTags]);
    const auto status = tasks::parse_task_status(row[kStatus].c_str());
    if (!status) throw std::invalid_argument("status: unknown value");
    task.status = *status;
    if (!row[kDueLocal].is_null()) {
      auto due = time::parse_local_due(row[kDueLocal].c_str());
      if (!due.ok()) throw std::invalid_argument("due: " + due.error());
      task.due = due.value();
    }
    task.time_zone = row[kTimeZone].c_str();
    task.due_at = optional_epoch(row[kDueAt]);
    const std::string_view reminders_text(row[kReminders].c_str(), row[kReminders].size());
    if (reminders_text != "[]") {  // the usual case, without a parser
      const json reminders =
          todo::json::parse_or_throw(reminders_text, "a task's reminders column");
      for (std::size_t i = 0; i < reminders.size(); ++i)
        task.reminders.push_back(tasks::reminder_from_json(reminders[i], i));
    }
    if (!row[kRrule].is_null()) {
      tasks::Recurrence recurrence;
      recurrence.rrule = row[kRrule].c_str();
      if (!row[kRecurrenceMode].is_null()) {
        const auto mode = tasks::parse_recurrence_mode(row[kRecurrenceMode].c_str());
        if (!mode) throw std::invalid_argument("recurrence_mode: unknown value");
        recurrence.mode = *mode;
      }
      task.recurrence = recurrence;
    }
    task.series_id = optional_text(row[kSeriesId]);
    task.parent_id = optional_text(row[kParentId]);
    task.occurrence_index = row[kOccurrenceIndex].as<int>();
    task.completed_at = optional_epoch(row[kCompletedAt]);
    task.created_at = time::Instant{std::chrono::seconds{row[kCreatedAt].as<long long>()}};
    task.updated_at = time::Instant{std::chrono::seconds{row[kUpdatedAt].as<long long>()}};
    task.version = row[kVersion].as<std::int64_t>();
    return task;
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("stored task is malformed: ") + e.what());
  }
}

TaskValues task_values(const tasks::Task& task) {
  TaskValues values;
  values.priority = std::to_string(priority_to_db(task.priority));
  values.tags = pg_text_array(task.tags);
  values.status = tasks::to_string(task.status);
  nlohmann::json reminders = nlohmann::json::array();
  for (const tasks::Reminder& reminder : task.reminders) {
    nlohmann::json one = tasks::to_json(reminder, task);
    // fire_at is derived from the due; storing it would let it go stale when the due moves.
    one.erase("fire_at");
    reminders.push_back(std::move(one));
  }
  values.reminders = reminders.dump();
  if (task.due) values.due_local = time::format_local_due(*task.due);
  values.due_at = format_instant(task.due_at);
  if (task.recurrence) {
    values.rrule = task.recurrence->rrule;
    values.recurrence_mode = tasks::to_string(task.recurrence->mode);
  }
  values.completed_at = format_instant(task.completed_at);
  values.created_at = time::format_rfc3339(task.created_at);
  values.updated_at = time::format_rfc3339(task.updated_at);
  return values;
}

}  // namespace todo::tasksvc
