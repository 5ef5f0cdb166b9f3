#include "store/task_sql.hpp"

#include "db/pool.hpp"
#include "db/prepared.hpp"
#include "ids/uuid.hpp"
#include "store/task_row.hpp"

namespace todo::tasksvc {
namespace {

const std::string kInsert =
    "INSERT INTO tasks (id, user_id, title, description, priority, tags, status, due_local, "
    "time_zone, due_at, reminders, rrule, recurrence_mode, series_id, parent_id, "
    "occurrence_index, completed_at, created_at, updated_at, version) "
    "VALUES ($1::uuid, $2::uuid, $3, $4, $5::smallint, $6::text[], $7, $8, $9, "
    "$10::timestamptz, $11::jsonb, $12, $13, $14::uuid, $15::uuid, $16::integer, "
    "$17::timestamptz, $18::timestamptz, $19::timestamptz, $20::bigint)";

pqxx::result exec_insert(pqxx::work& tx, const tasks::Task& t, const std::string& suffix) {
  const TaskValues v = task_values(t);
  return tx.exec_params(kInsert + suffix, t.id, t.user_id, t.title, t.description, v.priority,
                        v.tags, v.status, nullable(v.due_local), t.time_zone, nullable(v.due_at),
                        v.reminders, nullable(v.rrule), nullable(v.recurrence_mode),
                        nullable(t.series_id), nullable(t.parent_id), t.occurrence_index,
                        nullable(v.completed_at), v.created_at, v.updated_at, t.version);
}

std::optional<tasks::Task> first_task(const pqxx::result& rows) {
  if (rows.empty()) return std::nullopt;
  return task_from_row(rows[0]);
}

}  // namespace

void insert_task(pqxx::work& tx, const tasks::Task& t) {
  exec_insert(tx, t, "");
}

bool insert_task_if_new_occurrence(pqxx::work& tx, const tasks::Task& t) {
  const pqxx::result r = exec_insert(
      tx, t, " ON CONFLICT (series_id, occurrence_index) WHERE series_id IS NOT NULL DO NOTHING");
  return r.affected_rows() == 1;
}

std::optional<tasks::Task> find_task(pqxx::transaction_base& tx, const std::string& user_id,
                                     const std::string& id, bool for_update) {
  if (!ids::is_uuid(id) || !ids::is_uuid(user_id)) return std::nullopt;
  const std::string sql = std::string("SELECT ") + kTaskColumns +
                          " FROM tasks WHERE id = $1::uuid AND user_id = $2::uuid" +
                          (for_update ? " FOR UPDATE" : "");
  return first_task(exec_prepared_sql(tx, sql, id, user_id));
}

bool update_task(pqxx::work& tx, const tasks::Task& t, std::int64_t expected_version) {
  if (!ids::is_uuid(t.id) || !ids::is_uuid(t.user_id)) return false;
  const TaskValues v = task_values(t);
  const pqxx::result r = tx.exec_params(
      "UPDATE tasks SET title = $3, description = $4, priority = $5::smallint, "
      "tags = $6::text[], status = $7, due_local = $8, time_zone = $9, "
      "due_at = $10::timestamptz, reminders = $11::jsonb, rrule = $12, recurrence_mode = $13, "
      "series_id = $14::uuid, parent_id = $15::uuid, occurrence_index = $16::integer, "
      "completed_at = $17::timestamptz, updated_at = $18::timestamptz, version = $19::bigint + 1 "
      "WHERE id = $1::uuid AND user_id = $2::uuid AND version = $19::bigint",
      t.id, t.user_id, t.title, t.description, v.priority, v.tags, v.status, nullable(v.due_local),
      t.time_zone, nullable(v.due_at), v.reminders, nullable(v.rrule), nullable(v.recurrence_mode),
      nullable(t.series_id), nullable(t.parent_id), t.occurrence_index, nullable(v.completed_at),
      v.updated_at, expected_version);
  return r.affected_rows() == 1;
}

bool delete_task(pqxx::work& tx, const std::string& user_id, const std::string& id) {
  if (!ids::is_uuid(id) || !ids::is_uuid(user_id)) return false;
  const pqxx::result r =
      tx.exec_params("DELETE FROM tasks WHERE id = $1::uuid AND user_id = $2::uuid", id, user_id);
  return r.affected_rows() == 1;
}

std::optional<tasks::Task> find_occurrence(pqxx::transaction_base& tx, const std::string& series_id,
                                           int occurrence_index) {
  if (!ids::is_uuid(series_id)) return std::nullopt;
  const std::string sql = std::string("SELECT ") + kTaskColumns +
                          " FROM tasks WHERE series_id = $1::uuid AND occurrence_index = $2";
  return first_task(tx.exec_params(sql, series_id, occurrence_index));
}

}  // namespace todo::tasksvc
