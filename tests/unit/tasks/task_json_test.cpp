#include "tasks/task_json.hpp"

#include <catch2/catch.hpp>

#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

using namespace todo::tasks;
using namespace todo::time;
using nlohmann::json;

namespace {

Task sample_task() {
  Task task;
  task.id = "t-1";
  task.user_id = "u-1";
  task.title = "Water the plants";
  task.description = "All of them.\nEven the cactus.";
  task.priority = Priority::high;
  task.tags = {"home", "garden"};
  task.status = TaskStatus::completed;
  task.due = LocalDue{LocalDate{2026, 12, 1}, std::chrono::hours{9}};
  task.time_zone = "Europe/London";
  task.due_at = to_utc(*task.due, task.time_zone);
  task.reminders = {Reminder{"r1", std::chrono::minutes{15}, std::nullopt},
                    Reminder{"r2", std::nullopt, *parse_rfc3339("2026-11-30T18:00:00Z")}};
  task.recurrence = Recurrence{"FREQ=WEEKLY;BYDAY=MO", RecurrenceMode::completion};
  task.series_id = "t-1";
  task.parent_id = "t-0";
  task.occurrence_index = 3;
  task.completed_at = *parse_rfc3339("2026-12-01T10:00:00Z");
  task.created_at = *parse_rfc3339("2026-11-01T08:00:00Z");
  task.updated_at = *parse_rfc3339("2026-12-01T10:00:00Z");
  task.version = 7;
  return task;
}

}  // namespace

TEST_CASE("a task serializes to the API and event shape", "[tasks][json]") {
  const json j = to_json(sample_task());
  CHECK(j["id"] == "t-1");
  CHECK(j["priority"] == "high");
  CHECK(j["tags"] == json({"home", "garden"}));
  CHECK(j["status"] == "completed");
  CHECK(j["due"] == "2026-12-01T09:00:00");
  CHECK(j["time_zone"] == "Europe/London");
  CHECK(j["due_at"] == "2026-12-01T09:00:00Z");
  CHECK(j["reminders"][0] ==
        json({{"id", "r1"}, {"before", "PT15M"}, {"fire_at", "2026-12-01T08:45:00Z"}}));
  CHECK(j["reminders"][1] ==
        json({{"id", "r2"}, {"at", "2026-11-30T18:00:00Z"}, {"fire_at", "2026-11-30T18:00:00Z"}}));
  CHECK(j["recurrence"] == json({{"rrule", "FREQ=WEEKLY;BYDAY=MO"}, {"mode", "completion"}}));
  CHECK(j["series_id"] == "t-1");
  CHECK(j["parent_id"] == "t-0");
  CHECK(j["occurrence_index"] == 3);
  CHECK(j["completed_at"] == "2026-12-01T10:00:00Z");
  CHECK(j["created_at"] == "2026-11-01T08:00:00Z");
  CHECK(j["updated_at"] == "2026-12-01T10:00:00Z");
  CHECK(j["version"] == 7);
}

TEST_CASE("an empty task writes nulls for what it lacks", "[tasks][json]") {
  Task task;
  task.id = "t";
  task.user_id = "u";
  task.title = "x";
  const json j = to_json(task);
  for (const char* key :
       {"due", "due_at", "recurrence", "series_id", "parent_id", "completed_at"}) {
    INFO(key);
    CHECK(j.at(key).is_null());
  }
  CHECK(j["reminders"] == json::array());
  CHECK(j["tags"] == json::array());
  CHECK(j["status"] == "open");
  CHECK(j["priority"] == "medium");
}

TEST_CASE("a task round-trips through JSON", "[tasks][json]") {
  const Task task = sample_task();
  CHECK(task_from_json(to_json(task)) == task);

  Task date_only = sample_task();
  date_only.due = LocalDue{LocalDate{2028, 2, 29}, std::nullopt};
  date_only.due_at = to_utc(*date_only.due, date_only.time_zone);
  date_only.recurrence.reset();
  date_only.series_id.reset();
  date_only.parent_id.reset();
  date_only.completed_at.reset();
  const json j = to_json(date_only);
  CHECK(j["due"] == "2028-02-29");
  CHECK(task_from_json(j) == date_only);
  CHECK(task_from_json(json::parse(j.dump())) == date_only);
}

TEST_CASE("reading a task ignores unknown members and derived fire_at", "[tasks][json]") {
  json j = to_json(sample_task());
  j["added_later"] = {1, 2, 3};
  j["reminders"][0]["fire_at"] = "1999-01-01T00:00:00Z";
  CHECK(task_from_json(j) == sample_task());
}

TEST_CASE("malformed task JSON throws naming the member", "[tasks][json]") {
  const auto fails_on = [](const std::string& member, const json& value) {
    json j = to_json(sample_task());
    if (value.is_discarded()) {
      j.erase(member);
    } else {
      j[member] = value;
    }
    try {
      task_from_json(j);
      FAIL("expected " << member << " to be rejected");
    } catch (const std::invalid_argument& e) {
      CHECK_THAT(e.what(), Catch::Contains("task." + member));
    }
  };
  const json missing = json::value_t::discarded;
  fails_on("id", missing);
  fails_on("title", 5);
  fails_on("priority", "critical");
  fails_on("status", "done");
  fails_on("due", "2026-02-30");
  fails_on("due_at", "yesterday");
  fails_on("tags", "home");
  fails_on("reminders", json::array({json::object({{"id", "r1"}})}));
  fails_on("recurrence", json::object({{"rrule", ""}}));
  fails_on("occurrence_index", -1);
  fails_on("created_at", missing);
  fails_on("version", "7");
  CHECK_THROWS_AS(task_from_json(json::array()), std::invalid_argument);
}
