#include "tasks/task_fields.hpp"
#include "tasks/task_input.hpp"
#include "time/time_zone.hpp"

namespace todo::tasks {

bool TaskPatch::empty() const {
  return !title && !description && !priority && !tags && !due && !time_zone && !reminders &&
         !recurrence;
}

TaskPatch parse_task_patch(const nlohmann::json& body) {
  FieldErrors errors;
  if (!body.is_object()) {
    errors.add("", "the body must be a JSON object");
    errors.throw_if_any();
  }
  detail::check_member_names(body, errors);

  TaskPatch patch;
  // Present members only; for each, what null means is decided here.
  const auto present = [&](const char* name) { return body.contains(name); };
  const auto not_null = [&](const char* name) {
    if (!body.at(name).is_null()) return true;
    errors.add(name, std::string(name) + " cannot be cleared; leave it out to keep it");
    return false;
  };
  if (present("title")) {
    // read_title reports null as "title is required"; say instead that it cannot be cleared.
    if (not_null("title")) patch.title = detail::read_title(body.at("title"), errors);
  }
  if (present("description")) {
    patch.description = detail::read_description(body.at("description"), errors);
  }
  if (present("priority") && not_null("priority")) {
    patch.priority = detail::read_priority(body.at("priority"), errors);
  }
  if (present("tags")) patch.tags = detail::read_tags(body.at("tags"), errors);
  if (present("due")) {
    const auto& value = body.at("due");
    patch.due = value.is_null() ? std::optional<time::LocalDue>() : detail::read_due(value, errors);
  }
  if (present("time_zone") && not_null("time_zone")) {
    patch.time_zone = detail::read_time_zone(body.at("time_zone"), errors);
  }
  if (present("reminders")) patch.reminders = detail::read_reminders(body.at("reminders"), errors);
  if (present("recurrence")) {
    const auto& value = body.at("recurrence");
    patch.recurrence =
        value.is_null() ? std::optional<Recurrence>() : detail::read_recurrence(value, errors);
  }
  errors.throw_if_any();
  return patch;
}

void apply_patch(Task& task, const TaskPatch& patch, time::Instant now) {
  Task next = task;
  if (patch.title) next.title = *patch.title;
  if (patch.description) next.description = *patch.description;
  if (patch.priority) next.priority = *patch.priority;
  if (patch.tags) next.tags = *patch.tags;
  if (patch.due) next.due = *patch.due;
  if (patch.time_zone) next.time_zone = *patch.time_zone;
  if (patch.reminders) next.reminders = *patch.reminders;
  if (patch.recurrence) next.recurrence = *patch.recurrence;

  FieldErrors errors;
  detail::check_task_rules(next.due, next.reminders, next.recurrence, now, task.reminders, errors);
  errors.throw_if_any();

  if (patch.reminders) assign_reminder_ids(next.reminders, task.reminders);
  next.due_at.reset();
  if (next.due) next.due_at = time::to_utc(*next.due, next.time_zone);
  next.updated_at = now;
  task = std::move(next);
}

}  // namespace todo::tasks
