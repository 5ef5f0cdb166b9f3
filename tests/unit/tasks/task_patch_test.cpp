#include <catch2/catch.hpp>

#include "tasks/task_input.hpp"
#include "time/rfc3339.hpp"
#include "validation_helpers.hpp"

using namespace todo::tasks;
using namespace todo::time;
using nlohmann::json;
using todo::tasks::testing::field_errors_of;

namespace {

const Instant kCreated = *parse_rfc3339("2026-06-01T12:00:00Z");
const Instant kNow = *parse_rfc3339("2026-07-01T12:00:00Z");

Task existing() {
  const TaskDraft draft =
      parse_task_create({{"title", "Pay rent"},
                         {"description", "Landlord"},
                         {"due", "2026-07-01T09:00"},
                         {"reminders", {{{"before", "PT1H"}}, {{"at", "2026-06-30T12:00:00Z"}}}},
                         {"recurrence", {{"rrule", "FREQ=MONTHLY;BYMONTHDAY=1"}}}},
                        "America/New_York", kCreated);
  return task_from_draft(draft, "t-1", "u-1", kCreated);
}

Task patched(const json& body) {
  Task task = existing();
  apply_patch(task, parse_task_patch(body), kNow);
  return task;
}

}  // namespace

TEST_CASE("an empty patch changes nothing but updated_at", "[tasks][patch]") {
  CHECK(parse_task_patch(json::object()).empty());
  Task task = patched(json::object());
  Task expected = existing();
  expected.updated_at = kNow;
  CHECK(task == expected);
}

TEST_CASE("a patch sets only the fields it names", "[tasks][patch]") {
  const Task task =
      patched({{"title", " Pay rent now "}, {"priority", "high"}, {"tags", {"Home"}}});
  CHECK(task.title == "Pay rent now");
  CHECK(task.priority == Priority::high);
  CHECK(task.tags == std::vector<std::string>{"home"});
  CHECK(task.description == "Landlord");
  CHECK(task.due == existing().due);
  CHECK(task.version == existing().version);  // the store bumps it when it writes
}

TEST_CASE("null clears description, tags, reminders, recurrence and due", "[tasks][patch]") {
  const Task task = patched({{"description", nullptr},
                             {"tags", nullptr},
                             {"reminders", nullptr},
                             {"recurrence", nullptr},
                             {"due", nullptr}});
  CHECK(task.description.empty());
  CHECK(task.tags.empty());
  CHECK(task.reminders.empty());
  CHECK_FALSE(task.recurrence);
  CHECK_FALSE(task.due);
  CHECK_FALSE(task.due_at);
}

TEST_CASE("title, priority and time_zone cannot be cleared", "[tasks][patch]") {
  const auto errors = field_errors_of([] {
    parse_task_patch({{"title", nullptr}, {"priority", nullptr}, {"time_zone", nullptr}});
  });
  CHECK(errors.at("title") == "title cannot be cleared; leave it out to keep it");
  CHECK(errors.count("priority") == 1);
  CHECK(errors.count("time_zone") == 1);
}

TEST_CASE("patch field errors are collected like create's", "[tasks][patch]") {
  const auto errors = field_errors_of([] {
    parse_task_patch({{"title", ""}, {"due", "2026-13-01"}, {"status", "completed"}, {"x", 1}});
  });
  CHECK(errors.size() == 4);
  CHECK(errors.at("status") == "status is read-only");
  CHECK_THAT(errors.at("due"), Catch::Contains("month 13"));
  CHECK(field_errors_of([] { parse_task_patch(json::array()); }).at("") ==
        "the body must be a JSON object");
}

TEST_CASE("a new zone or due recomputes due_at", "[tasks][patch]") {
  CHECK(format_rfc3339(*existing().due_at) == "2026-07-01T13:00:00Z");
  CHECK(format_rfc3339(*patched({{"time_zone", "Europe/London"}}).due_at) ==
        "2026-07-01T08:00:00Z");
  CHECK(format_rfc3339(*patched({{"due", "2026-11-01T01:30"}}).due_at) == "2026-11-01T05:30:00Z");
  CHECK(patched({{"due", "2026-08-01"}}).due->date_only());
}

TEST_CASE("removing the due while reminders or recurrence depend on it is a 422",
          "[tasks][patch]") {
  Task task = existing();
  const Task before = task;
  const auto errors = field_errors_of([&] {
    apply_patch(task, parse_task_patch({{"due", nullptr}}), kNow);
  });
  CHECK_THAT(errors.at("reminders[0].before"), Catch::Contains("needs a due date"));
  CHECK(errors.at("recurrence") == "recurrence needs a due date: the rule repeats from it");
  CHECK(task == before);  // all or nothing
  CHECK_FALSE(patched({{"due", nullptr}, {"reminders", nullptr}, {"recurrence", nullptr}}).due);
}

TEST_CASE("unchanged past reminders survive an edit, and new ones must be in the future",
          "[tasks][patch]") {
  // The "at" reminder (2026-06-30) is in the past by kNow; re-sending it is fine.
  const Task kept = patched(
      {{"reminders", {{{"id", "r1"}, {"before", "PT1H"}}, {{"at", "2026-06-30T12:00:00Z"}}}}});
  REQUIRE(kept.reminders.size() == 2);
  CHECK(kept.reminders[1].id == "r2");  // matched by trigger, so its id is kept

  Task task = existing();
  const auto errors = field_errors_of([&] {
    apply_patch(task, parse_task_patch({{"reminders", {{{"at", "2026-06-15T00:00:00Z"}}}}}), kNow);
  });
  CHECK(errors.at("reminders[0].at") == "reminders[0].at must be in the future");
}

TEST_CASE("new reminders in a patch get fresh ids", "[tasks][patch]") {
  const Task task =
      patched({{"reminders", {{{"before", "PT5M"}}, {{"id", "r1"}, {"before", "PT1H"}}}}});
  CHECK(task.reminders[0].id == "r3");
  CHECK(task.reminders[1].id == "r1");
}

TEST_CASE("a patch can change the recurrence", "[tasks][patch]") {
  const Task task =
      patched({{"recurrence", {{"rrule", "FREQ=WEEKLY;BYDAY=FR"}, {"mode", "completion"}}}});
  REQUIRE(task.recurrence);
  CHECK(task.recurrence->rrule == "FREQ=WEEKLY;BYDAY=FR");
  CHECK(task.recurrence->mode == RecurrenceMode::completion);
  CHECK_THAT(field_errors_of([] {
               parse_task_patch({{"recurrence", {{"rrule", "BYDAY=MO"}}}});
             }).at("recurrence.rrule"),
             Catch::Contains("FREQ is required"));
}
