#include <catch2/catch.hpp>

#include "store/task_sql.hpp"
#include "time/rfc3339.hpp"

using namespace todo::tasksvc;
using todo::tasks::Task;

namespace {

Task sample() {
  Task t;
  t.id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  t.user_id = "6f1c7c1e-6a2b-4e4f-9d7a-1b2c3d4e5f60";
  t.title = "Groceries";
  t.time_zone = "Europe/Berlin";
  t.due = todo::time::LocalDue{{2026, 3, 12}, std::chrono::hours{9}};
  t.due_at = *todo::time::parse_rfc3339("2026-03-12T08:00:00Z");
  todo::tasks::Reminder r;
  r.id = "r1";
  r.before = std::chrono::minutes{15};
  t.reminders = {r};
  t.created_at = t.updated_at = *todo::time::parse_rfc3339("2026-03-01T00:00:00Z");
  t.version = 1;
  return t;
}

}  // namespace

TEST_CASE("an unchanged task has no differences", "[tasksvc][diff]") {
  Task after = sample();
  after.updated_at += std::chrono::hours{1};  // bookkeeping fields are not user-visible changes
  after.version = 2;
  CHECK(diff_tasks(sample(), after) == nlohmann::json::object());
}

TEST_CASE("changed fields show from and to in their wire spelling", "[tasksvc][diff]") {
  Task after = sample();
  after.title = "Groceries and milk";
  after.priority = todo::tasks::Priority::urgent;
  after.tags = {"home"};
  after.status = todo::tasks::TaskStatus::completed;
  after.recurrence =
      todo::tasks::Recurrence{"FREQ=WEEKLY;BYDAY=MO", todo::tasks::RecurrenceMode::due};
  const nlohmann::json diff = diff_tasks(sample(), after);
  CHECK(diff ==
        nlohmann::json{
            {"title", {{"from", "Groceries"}, {"to", "Groceries and milk"}}},
            {"priority", {{"from", "medium"}, {"to", "urgent"}}},
            {"tags", {{"from", nlohmann::json::array()}, {"to", {"home"}}}},
            {"status", {{"from", "open"}, {"to", "completed"}}},
            {"recurrence",
             {{"from", nullptr}, {"to", {{"rrule", "FREQ=WEEKLY;BYDAY=MO"}, {"mode", "due"}}}}},
        });
}

TEST_CASE("moving the due is one change of due, not of every reminder", "[tasksvc][diff]") {
  Task after = sample();
  after.due = todo::time::LocalDue{{2026, 3, 13}, std::nullopt};
  after.due_at = *todo::time::parse_rfc3339("2026-03-12T23:00:00Z");
  const nlohmann::json diff = diff_tasks(sample(), after);
  CHECK(diff == nlohmann::json{{"due", {{"from", "2026-03-12T09:00:00"}, {"to", "2026-03-13"}}}});
}

TEST_CASE("reminder, description and zone edits are listed", "[tasksvc][diff]") {
  Task after = sample();
  after.description = "two litres";
  after.time_zone = "UTC";
  after.reminders.clear();
  const nlohmann::json diff = diff_tasks(sample(), after);
  CHECK(diff.at("description") == nlohmann::json{{"from", ""}, {"to", "two litres"}});
  CHECK(diff.at("time_zone") == nlohmann::json{{"from", "Europe/Berlin"}, {"to", "UTC"}});
  CHECK(diff.at("reminders") == nlohmann::json{{"from", {{{"id", "r1"}, {"before", "PT15M"}}}},
                                               {"to", nlohmann::json::array()}});
  CHECK(diff.size() == 3);
}
