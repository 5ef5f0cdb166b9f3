#include "tasks/task_json_writer.hpp"

#include <catch2/catch.hpp>

#include "tasks/task_json.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

using namespace todo::tasks;
using namespace todo::time;
using nlohmann::json;

namespace {

std::string written(const Task& task) {
  std::string out;
  append_task_json(out, task);
  return out;
}

// What send_json would answer for the same task.
std::string dumped(const Task& task) {
  return to_json(task).dump(-1, ' ', false, json::error_handler_t::replace);
}

Task full_task() {
  Task task;
  task.id = "0b7c6a52-4f0e-4a8e-9d43-1f5cf3c1a001";
  task.user_id = "u-1";
  task.title = "Water \"the\" plants \\ ünïcödé 🌵";
  task.description = std::string("tab\there\nnew line\r\b\f and a \x01 control \x1f") + "\x7f";
  task.priority = Priority::urgent;
  task.tags = {"home", "gar\"den", "日本"};
  task.status = TaskStatus::completed;
  task.due = LocalDue{LocalDate{2026, 3, 29}, std::chrono::hours{1} + std::chrono::minutes{30}};
  task.time_zone = "Europe/London";
  task.due_at = to_utc(*task.due, task.time_zone);
  task.reminders = {Reminder{"r1", std::chrono::minutes{15}, std::nullopt},
                    Reminder{"r2", std::nullopt, *parse_rfc3339("2026-03-28T18:00:00Z")}};
  task.recurrence = Recurrence{"FREQ=WEEKLY;BYDAY=MO", RecurrenceMode::completion};
  task.series_id = "s-1";
  task.parent_id = "p-1";
  task.occurrence_index = 12;
  task.completed_at = *parse_rfc3339("2026-03-29T10:00:00Z");
  task.created_at = *parse_rfc3339("1999-01-01T00:00:00Z");
  task.updated_at = *parse_rfc3339("2026-12-31T23:59:59Z");
  task.version = 9007199254740993;
  return task;
}

}  // namespace

TEST_CASE("the direct writer gives the same bytes as the JSON document", "[tasks][json]") {
  const Task full = full_task();
  CHECK(written(full) == dumped(full));

  Task bare;
  bare.id = "t";
  bare.user_id = "u";
  bare.title = "x";
  CHECK(written(bare) == dumped(bare));

  Task date_only = full;
  date_only.due = LocalDue{LocalDate{2026, 12, 1}, std::nullopt};
  date_only.due_at = to_utc(*date_only.due, date_only.time_zone);
  date_only.recurrence->mode = RecurrenceMode::due;
  CHECK(written(date_only) == dumped(date_only));
}

TEST_CASE("the direct writer replaces invalid UTF-8 like send_json does", "[tasks][json]") {
  Task task = full_task();
  task.title = "bad \xC3\x28 byte and overlong \xC0\xAF and surrogate \xED\xA0\x80";
  CHECK(written(task) == dumped(task));
  CHECK(json::parse(written(task))["title"].get<std::string>().find("\xEF\xBF\xBD") !=
        std::string::npos);
}

TEST_CASE("a page holds its items and cursor", "[tasks][json]") {
  const Task task = full_task();
  const json page = json::parse(task_page_json({task, task}, std::string("abc")));
  CHECK(page["items"].size() == 2);
  CHECK(page["items"][1] == to_json(task));
  CHECK(page["next_cursor"] == "abc");
  CHECK(json::parse(task_page_json({}, std::nullopt)) ==
        json({{"items", json::array()}, {"next_cursor", nullptr}}));
}
