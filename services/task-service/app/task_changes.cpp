#include "app/task_changes.hpp"

#include "events/task_event.hpp"
#include "outbox/outbox.hpp"
#include "store/task_sql.hpp"
#include "tasks/task_json.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {

void record_change(pqxx::work& tx, const std::string& action, const tasks::Task& task,
                   const nlohmann::json& changes) {
  add_activity(tx, task.id, task.user_id, action,
               changes.is_null() ? nlohmann::json::object() : changes);
  const nlohmann::json snapshot = tasks::to_json(task);
  const std::string at = time::format_rfc3339(time::instant_now());
  enqueue(tx, {events::kTaskEventsTopic, task.user_id, events::task_event_type(action),
               events::make_task_event(action, task.user_id, snapshot, changes, at)});
  // Open browsers need the same snapshot, on their own topic so the UI never slows the
  // consumers of task-events (and vice versa).
  enqueue(tx, {events::kTaskUpdatesTopic,
               task.user_id,
               events::task_update_type(action),
               {{"kind", "task"},
                {"action", action},
                {"user_id", task.user_id},
                {"task", snapshot},
                {"occurred_at", at}}});
}

}  // namespace todo::tasksvc
