#include "tasks/task_row.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "tasks/pg_array.hpp"
#include "tasks/task_json.hpp"
#include "time/local_due.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {
namespace {

using nlohmann::json;

json text_or_null(const pqxx::field& field) {
  return field.is_null() ? json(nullptr) : json(field.as<std::string>());
}

json instant_or_null(const pqxx::field& epoch_seconds) {
  if (epoch_seconds.is_null()) return nullptr;
  return time::format_rfc3339(time::Instant{std::chrono::seconds{epoch_seconds.as<long long>()}});
}

std::optional<std::string> format_instant(const std::optional<time::Instant>& instant) {
  if (!instant) return std::nullopt;
  return time::format_rfc3339(*instant);
}

}  // namespace

const char* const kTaskColumns =
    "id::text AS id, user_id::text AS user_id, title, description, priority, "
    "to_jsonb(tags)::text AS tags, status, due_local, time_zone, "
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

tasks::Task task_from_row(const pqxx::row& row) {
  // The row is turned into the task's wire JSON and read back with the tasks library's own
  // reader, so reminders, due and recurrence are validated by the same code as every event.
  json recurrence = nullptr;
  if (!row["rrule"].is_null()) {
    recurrence = {{"rrule", row["rrule"].as<std::string>()},
                  {"mode", text_or_null(row["recurrence_mode"])}};
  }
  const json object = {
      {"id", row["id"].as<std::string>()},
      {"user_id", row["user_id"].as<std::string>()},
      {"title", row["title"].as<std::string>()},
      {"description", row["description"].as<std::string>()},
      {"priority", tasks::to_string(priority_from_db(row["priority"].as<int>()))},
      {"tags", json::parse(row["tags"].as<std::string>())},
      {"status", row["status"].as<std::string>()},
      {"due", text_or_null(row["due_local"])},
      {"time_zone", row["time_zone"].as<std::string>()},
      {"due_at", instant_or_null(row["due_at"])},
      {"reminders", json::parse(row["reminders"].as<std::string>())},
      {"recurrence", recurrence},
      {"series_id", text_or_null(row["series_id"])},
      {"parent_id", text_or_null(row["parent_id"])},
      {"occurrence_index", row["occurrence_index"].as<int>()},
      {"completed_at", instant_or_null(row["completed_at"])},
      {"created_at", instant_or_null(row["created_at"])},
      {"updated_at", instant_or_null(row["updated_at"])},
      {"version", row["version"].as<std::int64_t>()},
  };
  try {
    return tasks::task_from_json(object);
  } catch (const std::invalid_argument& e) {
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
