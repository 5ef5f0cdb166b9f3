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

// The position of each column in kTaskColumns. An unscoped enum indexes a row without a cast
// (task_from_row reads columns by position); its namespace keeps the names apart from locals.
namespace column {
enum Index {
  id,
  user_id,
  title,
  description,
  priority,
  tags,
  status,
  due_local,
  time_zone,
  due_at,
  reminders,
  rrule,
  recurrence_mode,
  series_id,
  parent_id,
  occurrence_index,
  completed_at,
  created_at,
  updated_at,
  version
};
}  // namespace column

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
  try {
    tasks::Task task;
    task.id = row[column::id].c_str();
    task.user_id = row[column::user_id].c_str();
    task.title = std::string(row[column::title].c_str(), row[column::title].size());
    task.description =
        std::string(row[column::description].c_str(), row[column::description].size());
    task.priority = priority_from_db(row[column::priority].as<int>());
    task.tags = pg_text_array_items(row[column::tags]);
    const auto status = tasks::parse_task_status(row[column::status].c_str());
    if (!status) throw std::invalid_argument("status: unknown value");
    task.status = *status;
    if (!row[column::due_local].is_null()) {
      auto due = time::parse_local_due(row[column::due_local].c_str());
      if (!due.ok()) throw std::invalid_argument("due: " + due.error());
      task.due = due.value();
    }
    task.time_zone = row[column::time_zone].c_str();
    task.due_at = optional_epoch(row[column::due_at]);
    const std::string_view reminders_text(row[column::reminders].c_str(),
                                          row[column::reminders].size());
    if (reminders_text != "[]") {  // the usual case, without a parser
      const json reminders =
          todo::json::parse_or_throw(reminders_text, "a task's reminders column");
      for (std::size_t i = 0; i < reminders.size(); ++i)
        task.reminders.push_back(tasks::reminder_from_json(reminders[i], i));
    }
    if (!row[column::rrule].is_null()) {
      tasks::Recurrence recurrence;
      recurrence.rrule = row[column::rrule].c_str();
      if (!row[column::recurrence_mode].is_null()) {
        const auto mode = tasks::parse_recurrence_mode(row[column::recurrence_mode].c_str());
        if (!mode) throw std::invalid_argument("recurrence_mode: unknown value");
        recurrence.mode = *mode;
      }
      task.recurrence = recurrence;
    }
    task.series_id = optional_text(row[column::series_id]);
    task.parent_id = optional_text(row[column::parent_id]);
    task.occurrence_index = row[column::occurrence_index].as<int>();
    task.completed_at = optional_epoch(row[column::completed_at]);
    task.created_at = time::Instant{std::chrono::seconds{row[column::created_at].as<long long>()}};
    task.updated_at = time::Instant{std::chrono::seconds{row[column::updated_at].as<long long>()}};
    task.version = row[column::version].as<std::int64_t>();
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
