// The event payload parsers of libs/events, each given the input as a CloudEvent's data:
// task events (and the task snapshot inside, tasks::task_from_json), user events, task commands
// (create_occurrence, snooze_task) and due reminders. Bad input is errors::MalformedMessage,
// or errors::ValidationFailed for a create_occurrence whose task is not a valid create body
// (both answered DROP); nlohmann's exceptions are DROP too (Subscriber::dispatch) and
// task_from_json throws std::invalid_argument, which consumers turn into MalformedMessage. A parsed
// payload written back with to_json must parse again.
#include "dapr/subscriber.hpp"
#include "events/reminder_due.hpp"
#include "events/task_command.hpp"
#include "events/task_event.hpp"
#include "events/user_event.hpp"
#include "fuzz_util.hpp"
#include "tasks/task_json.hpp"

namespace {

namespace events = todo::events;
namespace tasks = todo::tasks;
using todo::errors::MalformedMessage;
using JsonError = nlohmann::json::exception;

void snapshot(const nlohmann::json& json) {
  todo::fuzz::documented<std::invalid_argument, JsonError>([&] {
    const tasks::Task task = tasks::task_from_json(json);
    FUZZ_CHECK(tasks::task_from_json(tasks::to_json(task)) == task);
  });
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json payload = todo::fuzz::json_body(data, size);
  if (payload.is_discarded()) return 0;  // parse_cloud_event never hands these on
  todo::fuzz::documented<MalformedMessage, JsonError>([&] {
    const events::TaskEventView view = events::parse_task_event(payload);
    FUZZ_CHECK(events::is_task_action(view.action));
    snapshot(view.task);
  });
  snapshot(payload);
  todo::fuzz::documented<MalformedMessage, JsonError>([&] {
    const events::UserUpdated user = events::parse_user_updated(payload);
    (void)events::parse_user_updated(events::to_json(user));
  });
  todo::fuzz::documented<MalformedMessage, todo::errors::ValidationFailed, JsonError>([&] {
    if (events::command_kind(payload) == "snooze_task") {
      const events::SnoozeTask command = events::parse_snooze_task(payload);
      (void)events::parse_snooze_task(events::to_json(command));
    } else {
      const events::CreateOccurrence command = events::parse_create_occurrence(payload);
      (void)events::parse_create_occurrence(events::to_json(command));
    }
  });
  todo::fuzz::documented<MalformedMessage, JsonError>([&] {
    const events::ReminderDue reminder = events::parse_reminder_due(payload);
    (void)events::parse_reminder_due(events::to_json(reminder));
  });
  return 0;
}
