// task-commands: what recurrence-service and notification-service send is what task-service
// reads, through the one pair of (de)serialisers in libs/events.
#include <catch2/catch.hpp>

#include "errors/domain_error.hpp"
#include "events/task_command.hpp"
#include "next_command.hpp"
#include "tasks/task_input.hpp"
#include "time/rfc3339.hpp"

using namespace todo;

namespace {

time::Instant at(const char* text) {
  return *time::parse_rfc3339(text);
}

tasks::Task completed_weekly_task() {
  tasks::Task task;
  task.id = "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b11";
  task.user_id = "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b10";
  task.title = "Team sync \xE2\x82\xAC";  // "Team sync €"
  task.description = "agenda\nnotes";
  task.priority = tasks::Priority::urgent;
  task.tags = {"work", "caf\xC3\xA9"};
  task.status = tasks::TaskStatus::completed;
  task.time_zone = "Europe/Berlin";
  task.due = *time::parse_local_due("2026-12-07T10:00");
  task.recurrence = tasks::Recurrence{"FREQ=WEEKLY;BYDAY=MO", tasks::RecurrenceMode::due};
  task.series_id = task.id;
  task.reminders = {{"r1", std::chrono::minutes{15}, std::nullopt},
                    {"r2", std::nullopt, at("2026-12-06T17:00:00Z")}};
  return task;
}

}  // namespace

TEST_CASE("task-service reads the next occurrence as recurrence-service writes it",
          "[contracts][commands]") {
  const tasks::Task completed = completed_weekly_task();
  const auto next = recurrence_service::next_of(completed, at("2026-12-07T11:00:00Z"));
  REQUIRE(next);
  const events::CreateOccurrence written = recurrence_service::make_command(completed, *next);
  // Through the wire form, exactly as the subscriber hands it over.
  const auto wire = nlohmann::json::parse(events::to_json(written).dump());
  const events::CreateOccurrence read = events::parse_create_occurrence(wire);

  CHECK(read.user_id == completed.user_id);
  CHECK(read.series_id == completed.id);
  CHECK(read.parent_id == completed.id);
  CHECK(read.occurrence_index == 1);
  CHECK(read.task.title == completed.title);
  CHECK(read.task.description == completed.description);
  CHECK(read.task.priority == tasks::Priority::urgent);
  CHECK(read.task.tags == completed.tags);
  CHECK(read.task.time_zone == "Europe/Berlin");
  CHECK(time::format_local_due(*read.task.due) == "2026-12-14T10:00:00");
  CHECK(read.task.due_at == at("2026-12-14T09:00:00Z"));
  CHECK(read.task.recurrence == completed.recurrence);
  REQUIRE(read.task.reminders.size() == 2);
  CHECK(read.task.reminders[0].before == std::chrono::seconds{15 * 60});
  CHECK(read.task.reminders[1].at == at("2026-12-13T17:00:00Z"));  // moved with the due
  for (const auto& reminder : read.task.reminders) CHECK(reminder.id.empty());
  // The receiver's rules hold for what was sent, a week ahead of the completion.
  CHECK_NOTHROW(tasks::check_draft_rules(read.task, at("2026-12-07T11:00:00Z")));
  // And the same command, written again from what was read, is the same message.
  CHECK(events::to_json(read) == wire);
}

TEST_CASE("a carried task that breaks the create rules is refused as such",
          "[contracts][commands]") {
  auto wire = events::to_json(recurrence_service::make_command(
      completed_weekly_task(),
      *recurrence_service::next_of(completed_weekly_task(), at("2026-12-07T11:00:00Z"))));
  wire["task"]["title"] = "";
  CHECK_THROWS_AS(events::parse_create_occurrence(wire), todo::errors::ValidationFailed);
  wire["task"] = "not an object";
  CHECK_THROWS_AS(events::parse_create_occurrence(wire), todo::errors::MalformedMessage);
}

TEST_CASE("task-service reads a snooze as notification-service writes it",
          "[contracts][commands]") {
  const events::SnoozeTask written{"6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b10",
                                   "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b11",
                                   at("2026-12-01T18:00:00Z"), "n-1"};
  const auto wire = nlohmann::json::parse(events::to_json(written).dump());
  CHECK(wire["until"] == "2026-12-01T18:00:00Z");
  CHECK(events::command_kind(wire) == "snooze_task");
  const events::SnoozeTask read = events::parse_snooze_task(wire);
  CHECK(read.user_id == written.user_id);
  CHECK(read.task_id == written.task_id);
  CHECK(read.until == written.until);
  CHECK(read.notification_id == "n-1");
  CHECK(events::command_id(read) == events::command_id(written));

  auto bad = wire;
  bad["until"] = "tomorrow";
  CHECK_THROWS_AS(events::parse_snooze_task(bad), todo::errors::MalformedMessage);
}
