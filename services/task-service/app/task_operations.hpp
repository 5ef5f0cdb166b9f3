#pragma once
// What users (through the API) and other services (through task-commands) can do to tasks.
// Each operation is one PostgreSQL transaction: the change, its activity entry and its events.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "db/pool.hpp"
#include "events/task_command.hpp"
#include "tasks/task.hpp"
#include "time/instant.hpp"

namespace todo::tasksvc {

// The task a create-occurrence command makes (with id `id`, at `now`): absolute reminders already
// past dropped, reminders numbered afresh, series, parent and index set. Throws
// errors::ValidationFailed when the draft breaks the rules of a create.
tasks::Task occurrence_task(const events::CreateOccurrence& command, const std::string& id,
                            time::Instant now);

class TaskOperations {
 public:
  using Clock = std::function<time::Instant()>;
  // An account holds at most this many tasks (open and completed): one signed-up user must not
  // be able to fill the database. Operators change it with --max-tasks-per-user.
  static constexpr std::int64_t kDefaultMaxTasksPerUser = 100000;

  explicit TaskOperations(Pool& pool, Clock clock = time::instant_now,
                          std::int64_t max_tasks_per_user = kDefaultMaxTasksPerUser);

  // Errors are errors::DomainError: ValidationFailed for a body that breaks the rules,
  // NotFound when the task does not exist or belongs to someone else, Conflict when an
  // `if_match` version is not the current one.
  //
  // Forbidden "Task limit reached" when the account holds max_tasks_per_user tasks already (a
  // soft limit: concurrent creates may pass it by a few).
  tasks::Task create(const std::string& user_id, const std::string& user_time_zone,
                     const nlohmann::json& body);
  tasks::Task get(const std::string& user_id, const std::string& id);
  // `if_match`: the version the caller last saw; a different current version answers 409.
  tasks::Task update(const std::string& user_id, const std::string& id, const nlohmann::json& body,
                     std::optional<std::int64_t> if_match);
  tasks::Task complete(const std::string& user_id, const std::string& id,
                       std::optional<std::int64_t> if_match);
  tasks::Task reopen(const std::string& user_id, const std::string& id,
                     std::optional<std::int64_t> if_match);
  // "Remind me again later" (body: see tasks/snooze.hpp). Conflict for a completed task: there
  // is nothing left to be reminded of.
  tasks::Task snooze(const std::string& user_id, const std::string& id, const nlohmann::json& body);
  // The same for an instant (a snooze command from notification-service); ValidationFailed
  // when it is not in (now, now + 5 years].
  tasks::Task snooze_until(const std::string& user_id, const std::string& id, time::Instant until);
  void remove(const std::string& user_id, const std::string& id,
              std::optional<std::int64_t> if_match);
  // From recurrence-service. Returns false when that occurrence already exists (a repeat);
  // ValidationFailed when the draft breaks the rules of a create.
  bool create_occurrence(const events::CreateOccurrence& command);

 private:
  // Loads the caller's task for update, checks the precondition, lets `change` modify it, and
  // stores it with its events. `change` returns false for "nothing to do" (no event written).
  tasks::Task modify(const std::string& user_id, const std::string& id,
                     std::optional<std::int64_t> if_match, const std::string& action,
                     const std::function<bool(tasks::Task&)>& change);

  Pool& pool_;
  Clock clock_;
  std::int64_t max_tasks_per_user_;
};

}  // namespace todo::tasksvc
