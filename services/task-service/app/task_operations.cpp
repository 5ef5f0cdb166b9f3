#include "app/task_operations.hpp"

#include <algorithm>

#include "app/task_changes.hpp"
#include "errors/domain_error.hpp"
#include "ids/uuid.hpp"
#include "store/task_sql.hpp"
#include "tasks/snooze.hpp"
#include "tasks/task_input.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {
namespace {

errors::NotFound not_found() {
  return errors::NotFound("no task with this id");
}

errors::Conflict version_conflict(std::int64_t current) {
  return errors::Conflict("the task was changed by someone else (current version " +
                              std::to_string(current) + "); reload it and apply your change again",
                          current);
}

// Snoozing is for tasks still to be done: there is nothing left to be reminded of.
void require_open(const tasks::Task& task) {
  if (task.status == tasks::TaskStatus::completed) {
    throw errors::Conflict("the task is completed: reopen it to snooze it");
  }
}

}  // namespace

TaskOperations::TaskOperations(Pool& pool, Clock clock, std::int64_t max_tasks_per_user)
    : pool_(pool), clock_(std::move(clock)), max_tasks_per_user_(max_tasks_per_user) {}

tasks::Task TaskOperations::create(const std::string& user_id, const std::string& user_time_zone,
                                   const nlohmann::json& body) {
  const auto now = clock_();
  const auto draft = tasks::parse_task_create(body, user_time_zone, now);
  auto task = tasks::task_from_draft(draft, ids::new_uuid(), user_id, now);
  return pool_.with([&](pqxx::connection& c) {
    pqxx::work tx(c);
    // Counts at most up to the limit (an index-only scan of the user's rows): cheap for
    // everyone but an account at the limit.
    const auto held = tx.exec_params(
                            "SELECT count(*) FROM (SELECT 1 FROM tasks WHERE user_id = $1::uuid "
                            "LIMIT $2) AS held",
                            user_id, max_tasks_per_user_)[0][0]
                          .as<std::int64_t>();
    if (held >= max_tasks_per_user_) {
      throw errors::Forbidden("Task limit reached",
                              "an account holds at most " + std::to_string(max_tasks_per_user_) +
                                  " tasks, completed ones included; delete some first");
    }
    insert_task(tx, task);
    record_change(tx, "created", task, nullptr);
    tx.commit();
    return task;
  });
}

tasks::Task TaskOperations::get(const std::string& user_id, const std::string& id) {
  auto task = pool_.with([&](pqxx::connection& c) {
    pqxx::nontransaction tx(c);  // one SELECT
    return find_task(tx, user_id, id);
  });
  if (!task) throw not_found();
  return *task;
}

tasks::Task TaskOperations::modify(const std::string& user_id, const std::string& id,
                                   std::optional<std::int64_t> if_match, const std::string& action,
                                   const std::function<bool(tasks::Task&)>& change) {
  return pool_.with([&](pqxx::connection& c) {
    pqxx::work tx(c);
    auto current = find_task(tx, user_id, id, /*for_update=*/true);
    if (!current) throw not_found();
    if (if_match && *if_match != current->version) throw version_conflict(current->version);
    tasks::Task next = *current;
    if (!change(next)) return *current;  // already in the requested state: nothing to record
    const auto changes = diff_tasks(*current, next);
    if (changes.empty()) return *current;  // e.g. a PATCH repeating current values
    if (!update_task(tx, next, current->version)) throw version_conflict(current->version);
    next.version = current->version + 1;
    record_change(tx, action, next, changes);
    tx.commit();
    return next;
  });
}

tasks::Task TaskOperations::update(const std::string& user_id, const std::string& id,
                                   const nlohmann::json& body,
                                   std::optional<std::int64_t> if_match) {
  const auto patch = tasks::parse_task_patch(body);
  const auto now = clock_();
  return modify(user_id, id, if_match, "updated", [&](tasks::Task& t) {
    if (patch.empty()) return false;
    tasks::apply_patch(t, patch, now);
    return true;
  });
}

tasks::Task TaskOperations::complete(const std::string& user_id, const std::string& id,
                                     std::optional<std::int64_t> if_match) {
  const auto now = clock_();
  return modify(user_id, id, if_match, "completed", [&](tasks::Task& t) {
    if (t.status == tasks::TaskStatus::completed) return false;
    t.status = tasks::TaskStatus::completed;
    t.completed_at = now;
    t.updated_at = now;
    return true;
  });
}

tasks::Task TaskOperations::reopen(const std::string& user_id, const std::string& id,
                                   std::optional<std::int64_t> if_match) {
  const auto now = clock_();
  return modify(user_id, id, if_match, "reopened", [&](tasks::Task& t) {
    if (t.status == tasks::TaskStatus::open) return false;
    t.status = tasks::TaskStatus::open;
    t.completed_at.reset();
    t.updated_at = now;
    return true;
  });
}

tasks::Task TaskOperations::snooze(const std::string& user_id, const std::string& id,
                                   const nlohmann::json& body) {
  const auto now = clock_();
  return modify(user_id, id, std::nullopt, "updated", [&](tasks::Task& t) {
    require_open(t);
    return tasks::apply_snooze(t, tasks::parse_snooze(body, t.time_zone, now), now);
  });
}

tasks::Task TaskOperations::snooze_until(const std::string& user_id, const std::string& id,
                                         time::Instant until) {
  const auto now = clock_();
  tasks::check_snooze_until(until, now);
  return modify(user_id, id, std::nullopt, "updated", [&](tasks::Task& t) {
    require_open(t);
    return tasks::apply_snooze(t, until, now);
  });
}

void TaskOperations::remove(const std::string& user_id, const std::string& id,
                            std::optional<std::int64_t> if_match) {
  pool_.with([&](pqxx::connection& c) {
    pqxx::work tx(c);
    auto current = find_task(tx, user_id, id, /*for_update=*/true);
    if (!current) throw not_found();
    if (if_match && *if_match != current->version) throw version_conflict(current->version);
    delete_task(tx, user_id, id);
    // The event carries the last snapshot, so consumers can cancel what they hold for it.
    record_change(tx, "deleted", *current, nullptr);
    tx.commit();
    return 0;
  });
}

tasks::Task occurrence_task(const events::CreateOccurrence& command, const std::string& id,
                            time::Instant now) {
  // The draft was checked member by member when the command was read; reminders and due were
  // already shifted by recurrence-service. An absolute reminder whose moment passed with the old
  // occurrence is dropped rather than failing the whole occurrence; the rest must pass the
  // rules a create body passes.
  tasks::TaskDraft draft = command.task;
  draft.reminders.erase(
      std::remove_if(draft.reminders.begin(), draft.reminders.end(),
                     [&](const tasks::Reminder& r) { return r.at && *r.at <= now; }),
      draft.reminders.end());
  tasks::check_draft_rules(draft, now);
  for (tasks::Reminder& reminder : draft.reminders) reminder.id.clear();  // numbered afresh
  tasks::assign_reminder_ids(draft.reminders);
  auto task = tasks::task_from_draft(draft, id, command.user_id, now);
  task.series_id = command.series_id;
  task.parent_id = command.parent_id;
  task.occurrence_index = command.occurrence_index;
  return task;
}

bool TaskOperations::create_occurrence(const events::CreateOccurrence& command) {
  const auto task = occurrence_task(command, ids::new_uuid(), clock_());
  return pool_.with([&](pqxx::connection& c) {
    pqxx::work tx(c);
    if (!insert_task_if_new_occurrence(tx, task)) return false;
    record_change(tx, "created", task, nullptr);
    tx.commit();
    return true;
  });
}

}  // namespace todo::tasksvc
