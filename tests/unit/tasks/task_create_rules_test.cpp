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
  return parse_task_create(body, "UTC", kNow);
}

std::map<std::string, std::string> errors_of(json body) {
  body["title"] = "t";
  return field_errors_of([&] { create(body); });
}

json one_reminder(json reminder) {
  return {{"reminders", json::array({std::move(reminder)})}};
}

}  // namespace

TEST_CASE("reminder shape errors name the reminder's JSON path", "[tasks][create][reminders]") {
  CHECK(errors_of({{"reminders", "PT15M"}}).at("reminders") ==
        "reminders must be an array of objects");
  CHECK_THAT(errors_of({{"reminders", {"PT15M"}}}).at("reminders[0]"),
             Catch::Contains("reminders[0] must be an object"));
  CHECK(errors_of(one_reminder(json::object())).at("reminders[0]") ==
        "reminders[0] must have exactly one of before or at");
  CHECK(errors_of(one_reminder({{"before", "PT5M"}, {"at", "2026-12-01T00:00:00Z"}}))
            .at("reminders[0]") == "reminders[0] must have exactly one of before or at");
  CHECK(errors_of(one_reminder({{"at", "2026-12-01T00:00:00Z"}, {"when", 1}}))
            .at("reminders[0].when") == "reminders[0].when is not a known field");
  CHECK(errors_of(one_reminder({{"before", 15}})).at("reminders[0].before") ==
        "reminders[0].before must be a string");
  CHECK_THAT(errors_of(one_reminder({{"before", "P1M"}})).at("reminders[0].before"),
             Catch::Contains("years and months"));
  CHECK_THAT(errors_of(one_reminder({{"at", "2026-12-01T08:00:00"}})).at("reminders[0].at"),
             Catch::Contains("reminders[0].at is invalid"));
  CHECK_THAT(errors_of(one_reminder({{"at", "2026-12-01T08:00:00Z"}, {"id", "no spaces"}}))
                 .at("reminders[0].id"),
             Catch::Contains("letters, digits"));
}

TEST_CASE("relative reminders need a due and a lead of at most 365 days",
          "[tasks][create][reminders]") {
  json body = {{"due", "2026-12-01"},
               {"reminders", {{{"before", "P365D"}}, {{"before", "P366D"}}, {{"before", "PT0S"}}}}};
  const auto errors = errors_of(body);
  CHECK(errors.size() == 1);
  CHECK(errors.at("reminders[1].before") == "reminders[1].before must be at most 365 days (P365D)");

  const auto no_due = errors_of(one_reminder({{"before", "PT15M"}}));
  CHECK_THAT(no_due.at("reminders[0].before"), Catch::Contains("needs a due date"));
}

TEST_CASE("absolute reminders must lie in the future, at most 5 years ahead",
          "[tasks][create][reminders]") {
  CHECK(errors_of(one_reminder({{"at", "2026-06-01T12:00:00Z"}})).at("reminders[0].at") ==
        "reminders[0].at must be in the future");
  CHECK(errors_of(one_reminder({{"at", "2020-01-01T00:00:00Z"}})).at("reminders[0].at") ==
        "reminders[0].at must be in the future");
  CHECK(errors_of(one_reminder({{"at", "2031-06-05T12:00:00Z"}})).at("reminders[0].at") ==
        "reminders[0].at must be at most 5 years ahead");
  CHECK(create({{"title", "t"}, {"reminders", {{{"at", "2031-05-31T12:00:00Z"}}}}})
            .reminders.size() == 1);
  CHECK(create({{"title", "t"}, {"reminders", {{{"at", "2026-06-01T12:00:01Z"}}}}})
            .reminders.size() == 1);
}

TEST_CASE("at most 10 reminders, and ids must not repeat", "[tasks][create][reminders]") {
  json many = json::array();
  for (int i = 0; i < 11; ++i) many.push_back({{"at", "2026-12-01T08:00:00Z"}});
  CHECK_THAT(errors_of({{"reminders", many}}).at("reminders"), Catch::Contains("at most 10"));
  many.erase(many.begin());
  CHECK(create({{"title", "t"}, {"reminders", many}}).reminders.back().id == "r10");

  const auto repeated = errors_of({{"reminders",
                                    {{{"id", "a"}, {"at", "2026-12-01T08:00:00Z"}},
                                     {{"id", "a"}, {"at", "2026-12-02T08:00:00Z"}}}}});
  CHECK(repeated.at("reminders[1].id") == "reminders[1].id repeats the id of reminders[0]");
}

TEST_CASE("a client may send back a reminder's derived fire_at", "[tasks][create][reminders]") {
  const auto draft = create(
      {{"title", "t"},
       {"reminders", {{{"at", "2026-12-01T08:00:00Z"}, {"fire_at", "2026-12-01T08:00:00Z"}}}}});
  CHECK(draft.reminders.size() == 1);
}

TEST_CASE("recurrence rules", "[tasks][create][recurrence]") {
  const auto daily =
      create({{"title", "t"},
              {"due", "2026-06-02T09:00"},
              {"recurrence", {{"rrule", "FREQ=DAILY;COUNT=3"}, {"mode", "completion"}}}});
  REQUIRE(daily.recurrence);
  CHECK(daily.recurrence->mode == RecurrenceMode::completion);
  const auto preset =
      create({{"title", "t"},
              {"due", "2026-06-02T09:00"},
              {"recurrence",
               {{"preset", {{"preset", "weekly"}, {"days", {"MO", "WE"}}, {"interval", 2}}}}}});
  REQUIRE(preset.recurrence);
  CHECK(preset.recurrence->rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE");

  CHECK(errors_of({{"recurrence", {{"rrule", "FREQ=DAILY"}}}}).at("recurrence") ==
        "recurrence needs a due date: the rule repeats from it");
  CHECK_THAT(errors_of({{"due", "2026-06-02"}, {"recurrence", {{"rrule", "FREQ=SOMETIMES"}}}})
                 .at("recurrence.rrule"),
             Catch::Contains("recurrence.rrule is invalid: FREQ must be one of"));
  CHECK_THAT(errors_of({{"due", "2026-06-02"},
                        {"recurrence", {{"rrule", "FREQ=DAILY;COUNT=3;UNTIL=20260101T000000Z"}}}})
                 .at("recurrence.rrule"),
             Catch::Contains("COUNT and UNTIL"));
  CHECK(errors_of({{"due", "2026-06-02"}, {"recurrence", {{"mode", "due"}}}})
            .at("recurrence.rrule") ==
        "recurrence.rrule is required and must be a string (or give recurrence.preset)");
  CHECK_THAT(errors_of({{"due", "2026-06-02"},
                        {"recurrence", {{"preset", {{"preset", "weekly"}, {"days", {"XX"}}}}}}})
                 .at("recurrence.preset"),
             Catch::Contains("recurrence.preset is invalid"));
  CHECK(errors_of({{"due", "2026-06-02"},
                   {"recurrence", {{"rrule", "FREQ=DAILY"}, {"preset", {{"preset", "daily"}}}}}})
            .at("recurrence") == "recurrence takes either rrule or preset, not both");
  CHECK(errors_of(
            {{"due", "2026-06-02"}, {"recurrence", {{"rrule", "FREQ=DAILY"}, {"mode", "later"}}}})
            .at("recurrence.mode") == "recurrence.mode must be one of due, completion");
  CHECK(errors_of({{"due", "2026-06-02"}, {"recurrence", {{"rrule", "FREQ=DAILY"}, {"x", 1}}}})
            .at("recurrence.x") == "recurrence.x is not a known field");
  CHECK_THAT(errors_of({{"due", "2026-06-02"}, {"recurrence", "FREQ=DAILY"}}).at("recurrence"),
             Catch::Contains("recurrence must be an object"));
}

TEST_CASE("a body that is not an object is a 422 too", "[tasks][create]") {
  const auto errors = field_errors_of([] { parse_task_create(json::array(), "UTC", kNow); });
  CHECK(errors.at("") == "the body must be a JSON object");
}
