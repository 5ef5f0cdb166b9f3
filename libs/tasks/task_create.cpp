#include "tasks/task_fields.hpp"
#include "tasks/task_input.hpp"
#include "time/time_zone.hpp"

namespace todo::tasks {

namespace {

// Every member of a create body, each nullopt when it was unusable (its error added).
struct Members {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<Priority> priority = Priority::medium;
  std::optional<std::vector<std::string>> tags;
  std::optional<time::LocalDue> due;
  std::optional<std::string> zone;
  std::optional<std::vector<Reminder>> reminders;
  std::optional<Recurrence> recurrence;
  // The cross-field rules run only when the fields they relate are themselves valid: a broken
  // due must not also produce "reminder needs a due".
  bool rules_apply = false;
};

Members read_members(const nlohmann::json& body, const std::string& default_zone,
                     FieldErrors& errors) {
  require_object(body);
  detail::check_member_names(body, errors);
  Members m;
  m.title = detail::read_title(member_or_null(body, "title"), errors);
  m.description = detail::read_description(member_or_null(body, "description"), errors);
  if (!member_or_null(body, "priority").is_null()) {
    m.priority = detail::read_priority(member_or_null(body, "priority"), errors);
  }
  m.tags = detail::read_tags(member_or_null(body, "tags"), errors);
  const bool due_given = !member_or_null(body, "due").is_null();
  if (due_given) m.due = detail::read_due(member_or_null(body, "due"), errors);
  m.zone = default_zone;
  if (!member_or_null(body, "time_zone").is_null()) {
    m.zone = detail::read_time_zone(member_or_null(body, "time_zone"), errors);
  } else if (!time::is_valid_time_zone(default_zone)) {
    // Profiles are validated at sign-up, so this is rare (e.g. a zone dropped from tzdata); the
    // client can still save the task by naming a zone.
    errors.add("time_zone", "time_zone must be given: the profile's time zone '" + default_zone +
                                "' is not a valid IANA name");
    m.zone.reset();
  }
  m.reminders = detail::read_reminders(member_or_null(body, "reminders"), errors);
  bool recurrence_ok = true;
  if (!member_or_null(body, "recurrence").is_null()) {
    m.recurrence = detail::read_recurrence(member_or_null(body, "recurrence"), errors);
    recurrence_ok = m.recurrence.has_value();
  }
  m.rules_apply = m.reminders && recurrence_ok && (!due_given || m.due);
  return m;
}

// Precondition: read_members added no error.
TaskDraft to_draft(const Members& m) {
  TaskDraft draft;
  draft.title = *m.title;
  draft.description = *m.description;
  draft.priority = *m.priority;
  draft.tags = *m.tags;
  draft.due = m.due;
  draft.time_zone = *m.zone;
  if (m.due) draft.due_at = time::to_utc(*m.due, draft.time_zone);
  draft.reminders = *m.reminders;
  draft.recurrence = m.recurrence;
  return draft;
}

}  // namespace

TaskDraft parse_task_create(const nlohmann::json& body, const std::string& user_time_zone,
                            time::Instant now) {
  FieldErrors errors;
  const Members m = read_members(body, user_time_zone, errors);
  if (m.rules_apply) {
    detail::check_task_rules(m.due, *m.reminders, m.recurrence, now, {}, errors);
  }
  errors.throw_if_any();
  TaskDraft draft = to_draft(m);
  assign_reminder_ids(draft.reminders);
  return draft;
}

TaskDraft read_task_draft(const nlohmann::json& body) {
  FieldErrors errors;
  const Members m = read_members(body, "UTC", errors);
  errors.throw_if_any();
  return to_draft(m);
}

void check_draft_rules(const TaskDraft& draft, time::Instant now) {
  FieldErrors errors;
  detail::check_task_rules(draft.due, draft.reminders, draft.recurrence, now, {}, errors);
  errors.throw_if_any();
}

TaskDraft draft_of(const Task& task) {
  TaskDraft draft;
  draft.title = task.title;
  draft.description = task.description;
  draft.priority = task.priority;
  draft.tags = task.tags;
  draft.due = task.due;
  draft.time_zone = task.time_zone;
  draft.due_at = task.due_at;
  draft.reminders = task.reminders;
  draft.recurrence = task.recurrence;
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
