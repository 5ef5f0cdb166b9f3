#include "tasks/task_fields.hpp"
#include "tasks/task_input.hpp"
#include "time/time_zone.hpp"

namespace todo::tasks {
namespace {}  // namespace

TaskDraft parse_task_create(const nlohmann::json& body, const std::string& user_time_zone,
                            time::Instant now) {
  require_object(body);
  FieldErrors errors;
  detail::check_member_names(body, errors);

  TaskDraft draft;
  const auto title = detail::read_title(member_or_null(body, "title"), errors);
  const auto description = detail::read_description(member_or_null(body, "description"), errors);
  std::optional<Priority> priority = Priority::medium;
  if (!member_or_null(body, "priority").is_null()) {
    priority = detail::read_priority(member_or_null(body, "priority"), errors);
  }
  const auto tags = detail::read_tags(member_or_null(body, "tags"), errors);
  std::optional<time::LocalDue> due;
  const bool due_given = !member_or_null(body, "due").is_null();
  if (due_given) due = detail::read_due(member_or_null(body, "due"), errors);
  std::optional<std::string> zone = user_time_zone;
  if (!member_or_null(body, "time_zone").is_null()) {
    zone = detail::read_time_zone(member_or_null(body, "time_zone"), errors);
  } else if (!time::is_valid_time_zone(user_time_zone)) {
    // Profiles are validated at sign-up, so this is rare (e.g. a zone dropped from tzdata); the
    // client can still save the task by naming a zone.
    errors.add("time_zone", "time_zone must be given: the profile's time zone '" + user_time_zone +
                                "' is not a valid IANA name");
    zone.reset();
  }
  const auto reminders = detail::read_reminders(member_or_null(body, "reminders"), errors);
  std::optional<Recurrence> recurrence;
  bool recurrence_ok = true;
  if (!member_or_null(body, "recurrence").is_null()) {
    recurrence = detail::read_recurrence(member_or_null(body, "recurrence"), errors);
    recurrence_ok = recurrence.has_value();
  }

  // Cross-field rules only when the fields they relate are themselves valid: a broken due must
  // not also produce "reminder needs a due".
  if (reminders && recurrence_ok && (!due_given || due)) {
    detail::check_task_rules(due, *reminders, recurrence, now, {}, errors);
  }
  errors.throw_if_any();

  draft.title = *title;
  draft.description = *description;
  draft.priority = *priority;
  draft.tags = *tags;
  draft.due = due;
  draft.time_zone = *zone;
  if (due) draft.due_at = time::to_utc(*due, draft.time_zone);
  draft.reminders = *reminders;
  assign_reminder_ids(draft.reminders);
  draft.recurrence = recurrence;
  return draft;
}

Task task_from_draft(const TaskDraft& draft, const std::string& id, const std::string& user_id,
                     time::Instant now) {
  Task task;
  task.id = id;
  task.user_id = user_id;
  task.title = draft.title;
  task.description = draft.description;
  task.priority = draft.priority;
  task.tags = draft.tags;
  task.due = draft.due;
  task.time_zone = draft.time_zone;
  task.due_at = draft.due_at;
  task.reminders = draft.reminders;
  task.recurrence = draft.recurrence;
  if (draft.recurrence) task.series_id = id;
  task.created_at = now;
  task.updated_at = now;
  task.version = 1;
  return task;
}

}  // namespace todo::tasks
