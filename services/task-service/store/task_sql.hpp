#pragma once
// The tasks table and the activity log: every statement task-service runs on a single task.
// All of them bind user data as parameters; ids that are not UUIDs are answered as "no such row"
// before reaching SQL, so a malformed id in a URL is a 404, never a database error.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "tasks/task.hpp"

namespace todo::tasksvc {

// Writes every column of `t` as given (id, version and timestamps included).
void insert_task(pqxx::work& tx, const tasks::Task& t);

// The caller's task, or nullopt when it does not exist, belongs to someone else or `id` is not a
// UUID (the three look the same, so other users' ids leak nothing). `for_update` locks the row
// (SELECT ... FOR UPDATE) until the transaction ends.
std::optional<tasks::Task> find_task(pqxx::transaction_base& tx, const std::string& user_id,
                                     const std::string& id, bool for_update = false);

// Optimistic concurrency: writes every mutable column of `t` (everything but id, user_id and
// created_at; updated_at is taken from `t`) and sets version = expected_version + 1, only when
// the stored row (t.id, t.user_id) still has `expected_version`. False when it does not (or the
// row is gone): the caller answers 409 (or 404 after looking again).
bool update_task(pqxx::work& tx, const tasks::Task& t, std::int64_t expected_version);

// True when the caller's task existed and is now deleted.
bool delete_task(pqxx::work& tx, const std::string& user_id, const std::string& id);

// The occurrence `occurrence_index` of a recurring series (any user: series ids come from
// events, not from URLs), or nullopt.
std::optional<tasks::Task> find_occurrence(pqxx::transaction_base& tx, const std::string& series_id,
                                           int occurrence_index);

// Inserts an occurrence unless the series already has one with that index (the unique key on
// (series_id, occurrence_index)): a repeated "create next occurrence" command is a no-op.
// Returns whether a row was inserted. A conflict on the task id itself still raises.
bool insert_task_if_new_occurrence(pqxx::work& tx, const tasks::Task& t);

struct TagCount {
  std::string tag;
  int count = 0;       // tasks carrying the tag
  int open_count = 0;  // of which open
};

// The `limit` most used tags of the user's tasks, then by name (byte order, so stable).
std::vector<TagCount> tag_counts(pqxx::transaction_base& tx, const std::string& user_id, int limit);

// {"tag": "work", "count": 3, "open_count": 2}: one item of GET /api/v1/tags.
nlohmann::json to_json(const TagCount& tag_count);

// Appends to the task's activity log; `at` is the transaction's time.
void add_activity(pqxx::work& tx, const std::string& task_id, const std::string& user_id,
                  const std::string& action, const nlohmann::json& changes);

// [{"action", "changes", "at"}] oldest first; [] for an unknown task, another user's task or a
// non-UUID id. The log outlives the task, so a deleted task keeps its history.
nlohmann::json task_history(pqxx::transaction_base& tx, const std::string& user_id,
                            const std::string& task_id);

// {"field": {"from": x, "to": y}} for each user-visible field that differs: title, description,
// priority, tags, due, time_zone, reminders, recurrence, status. Values use the task's wire
// spelling (task_json.hpp); reminders without the derived "fire_at". {} when nothing changed.
nlohmann::json diff_tasks(const tasks::Task& before, const tasks::Task& after);

}  // namespace todo::tasksvc
