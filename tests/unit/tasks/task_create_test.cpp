#include <catch2/catch.hpp>

#include "tasks/task_input.hpp"
#include "time/rfc3339.hpp"
#include "validation_helpers.hpp"

using namespace todo::tasks;
using namespace todo::time;
using nlohmann::json;
using todo::tasks::testing::field_errors_of;

namespace {

const Instant kNow = *parse_rfc3339("2026-06-01T12:00:00Z");

TaskDraft create(const json& body) {
  return parse_task_create(body, "America/New_York", kNow);
}

std::map<std::string, std::string> errors_of(const json& body) {
  return field_errors_of([&] { create(body); });
}

}  // namespace

TEST_CASE("a minimal create takes the defaults", "[tasks][create]") {
  const TaskDraft draft = create({{"title", "  Buy milk  "}});
  CHECK(draft.title == "Buy milk");
  CHECK(draft.description.empty());
  CHECK(draft.priority == Priority::medium);
  CHECK(draft.tags.empty());
  CHECK_FALSE(draft.due);
  CHECK_FALSE(draft.due_at);
  CHECK(draft.time_zone == "America/New_York");
  CHECK(draft.reminders.empty());
  CHECK_FALSE(draft.recurrence);
}

TEST_CASE("a full create is validated, normalized and computed", "[tasks][create]") {
  const TaskDraft draft = create({
      {"title", "Weekly review"},
      {"description", "Look back.\nPlan ahead."},
      {"priority", "urgent"},
      {"tags", {"#Work", "work", "Deep  Focus"}},
      {"due", "2026-12-01T09:00:00"},
      {"time_zone", "Europe/London"},
      {"reminders", {{{"before", "PT15M"}}, {{"at", "2026-11-30T18:00:00+01:00"}, {"id", "eve"}}}},
      {"recurrence", {{"rrule", "RRULE:FREQ=WEEKLY;BYDAY=TU"}}},
  });
  CHECK(draft.priority == Priority::urgent);
  CHECK(draft.tags == std::vector<std::string>{"work", "deep-focus"});
  REQUIRE(draft.due);
  CHECK(format_local_due(*draft.due) == "2026-12-01T09:00:00");
  CHECK(draft.time_zone == "Europe/London");
  CHECK(format_rfc3339(*draft.due_at) == "2026-12-01T09:00:00Z");
  REQUIRE(draft.reminders.size() == 2);
  CHECK(draft.reminders[0].id == "r1");
  CHECK(draft.reminders[0].before == std::chrono::seconds{900});
  CHECK(draft.reminders[1].id == "eve");
  CHECK(format_rfc3339(*draft.reminders[1].at) == "2026-11-30T17:00:00Z");
  REQUIRE(draft.recurrence);
  CHECK(draft.recurrence->rrule == "FREQ=WEEKLY;BYDAY=TU");
  CHECK(draft.recurrence->mode == RecurrenceMode::due);

  const Task task = task_from_draft(draft, "t-9", "u-1", kNow);
  CHECK(task.status == TaskStatus::open);
  CHECK(task.series_id == std::optional<std::string>("t-9"));
  CHECK(task.occurrence_index == 0);
  CHECK(task.version == 1);
  CHECK(task.created_at == kNow);
}

TEST_CASE("due is local to the task's zone, DST rules included", "[tasks][create][dst]") {
  const auto due_at = [](const char* due, const char* zone) {
    return format_rfc3339(*create({{"title", "t"}, {"due", due}, {"time_zone", zone}}).due_at);
  };
  CHECK(due_at("2026-03-08T02:30", "America/New_York") == "2026-03-08T07:30:00Z");  // gap
  CHECK(due_at("2026-11-01T01:30", "America/New_York") == "2026-11-01T05:30:00Z");  // first
  CHECK(due_at("2026-03-29T01:30", "Europe/London") == "2026-03-29T01:30:00Z");     // gap
  CHECK(due_at("2028-02-29", "UTC") == "2028-02-29T00:00:00Z");
  // Without time_zone, the user's zone applies.
  CHECK(format_rfc3339(*create({{"title", "t"}, {"due", "2026-12-01"}}).due_at) ==
        "2026-12-01T05:00:00Z");
}

TEST_CASE("every field error of a create is reported at once", "[tasks][create]") {
  const auto errors = errors_of({
      {"title", ""},
      {"priority", "critical"},
      {"tags", "work"},
      {"due", "2026-02-30"},
      {"time_zone", "Mars/Olympus"},
      {"colour", "red"},
      {"version", 3},
  });
  CHECK(errors.at("title") == "title must not be empty");
  CHECK(errors.at("priority") == "priority must be one of low, medium, high, urgent");
  CHECK(errors.at("tags") == "tags must be an array of strings");
  CHECK_THAT(errors.at("due"), Catch::Contains("2026-02-30 is not a date that exists"));
  CHECK_THAT(errors.at("time_zone"), Catch::Contains("IANA time zone"));
  CHECK(errors.at("colour") == "colour is not a known field");
  CHECK(errors.at("version") == "version is read-only");
  CHECK(errors.size() == 7);
}

TEST_CASE("title rules", "[tasks][create]") {
  CHECK(errors_of(json::object()).at("title") == "title is required");
  CHECK(errors_of({{"title", nullptr}}).at("title") == "title is required");
  CHECK(errors_of({{"title", 42}}).at("title") == "title must be a string");
  CHECK(errors_of({{"title", " \t "}}).at("title") == "title must not be empty");
  CHECK_THAT(errors_of({{"title", "two\nlines"}}).at("title"), Catch::Contains("control"));
  CHECK_THAT(errors_of({{"title", std::string(201, 'x')}}).at("title"),
             Catch::Contains("at most 200 characters (it has 201)"));
  CHECK(create({{"title", std::string(200, 'x')}}).title.size() == 200);
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "é";  // 400 bytes, 200 characters
  CHECK(create({{"title", accented}}).title == accented);
}

TEST_CASE("description, tag and priority rules", "[tasks][create]") {
  CHECK(create({{"title", "t"}, {"description", nullptr}}).description.empty());
  CHECK(errors_of({{"title", "t"}, {"description", 1}}).at("description") ==
        "description must be a string");
  CHECK_THAT(
      errors_of({{"title", "t"}, {"description", std::string(10001, 'd')}}).at("description"),
      Catch::Contains("at most 10000"));
  CHECK(create({{"title", "t"}, {"description", std::string(10000, 'd')}}).description.size() ==
        10000);
  CHECK_THAT(errors_of({{"title", "t"}, {"description", "bell\a"}}).at("description"),
             Catch::Contains("control"));
  CHECK(errors_of({{"title", "t"}, {"priority", 3}}).at("priority") ==
        "priority must be one of low, medium, high, urgent");
  CHECK(errors_of({{"title", "t"}, {"tags", {"ok", 5}}}).at("tags") ==
        "tags must be an array of strings");
  CHECK_THAT(errors_of({{"title", "t"}, {"tags", {"ok", "a/b"}}}).at("tags[1]"),
             Catch::Contains("tags[1] is invalid"));
  json many = json::array();
  for (int i = 0; i < 21; ++i) many.push_back("tag" + std::to_string(i));
  CHECK_THAT(errors_of({{"title", "t"}, {"tags", many}}).at("tags"), Catch::Contains("at most 20"));
  many.back() = "tag0";  // 21 given, 20 distinct
  CHECK(create({{"title", "t"}, {"tags", many}}).tags.size() == 20);
}

TEST_CASE("due and time zone rules", "[tasks][create]") {
  CHECK_THAT(errors_of({{"title", "t"}, {"due", 20261201}}).at("due"),
             Catch::Contains("due must be a string"));
  CHECK_THAT(errors_of({{"title", "t"}, {"due", "2026-12-01T09:00:00Z"}}).at("due"),
             Catch::Contains("without 'Z'"));
  CHECK_THAT(errors_of({{"title", "t"}, {"due", "2026-12-01T24:00"}}).at("due"),
             Catch::Contains("hour 24"));
  CHECK(errors_of({{"title", "t"}, {"time_zone", 5}}).count("time_zone") == 1);
  CHECK(errors_of({{"title", "t"}, {"time_zone", ""}}).count("time_zone") == 1);
  const auto broken_profile = field_errors_of([] {
    parse_task_create({{"title", "t"}}, "Not/AZone", kNow);
  });
  CHECK_THAT(broken_profile.at("time_zone"), Catch::Contains("profile's time zone"));
  CHECK(parse_task_create({{"title", "t"}, {"time_zone", "UTC"}}, "Not/AZone", kNow).time_zone ==
        "UTC");
}
