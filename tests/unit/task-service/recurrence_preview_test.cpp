#include "api/recurrence_preview.hpp"

#include <catch2/catch.hpp>

#include "http/problem.hpp"

using namespace todo::tasksvc;
using nlohmann::json;

namespace {

// The fields a 422 names, in order.
std::vector<std::string> rejected_fields(const json& body) {
  try {
    parse_preview_request(body, "Europe/London");
  } catch (const todo::errors::DomainError& thrown) {
    const auto e = todo::http::problem_for(thrown);
    CHECK(e.status() == 422);
    std::vector<std::string> fields;
    for (const auto& item : e.extra()["errors"]) fields.push_back(item["field"]);
    return fields;
  }
  FAIL("accepted: " << body.dump());
  return {};
}

}  // namespace

TEST_CASE("preview answers local occurrences and a summary", "[task-service][recurrence]") {
  const json answer = preview(parse_preview_request({{"rrule", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3"},
                                                     {"dtstart", "2026-03-02T09:00:00"},
                                                     {"tz", "America/New_York"},
                                                     {"count", 10}},
                                                    "Europe/London"));
  CHECK(answer["occurrences"] ==
        json({"2026-03-02T09:00:00", "2026-03-04T09:00:00", "2026-03-09T09:00:00"}));
  CHECK(answer["tz"] == "America/New_York");
  CHECK(answer["rrule"] == "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3");
  CHECK_FALSE(answer["summary"].get<std::string>().empty());
}

TEST_CASE("preview defaults: the caller's zone, ten occurrences, and null is floating",
          "[task-service][recurrence]") {
  const auto request =
      parse_preview_request({{"rrule", "FREQ=DAILY"}, {"dtstart", "2026-03-01"}}, "Asia/Tokyo");
  CHECK(request.zone == std::optional<std::string>("Asia/Tokyo"));
  CHECK(request.count == 10);
  const json answer = preview(request);
  REQUIRE(answer["occurrences"].size() == 10);
  CHECK(answer["occurrences"][0] == "2026-03-01");  // date-only stays date-only
  CHECK(answer["occurrences"][9] == "2026-03-10");

  const auto floating = parse_preview_request(
      {{"rrule", "FREQ=DAILY"}, {"dtstart", "2026-03-01T09:00:00"}, {"tz", nullptr}}, "UTC");
  CHECK_FALSE(floating.zone);
  CHECK(preview(floating)["tz"].is_null());
}

TEST_CASE("preview accepts a preset instead of a rule", "[task-service][recurrence]") {
  const json answer = preview(parse_preview_request(
      {{"preset", {{"preset", "weekdays"}}}, {"dtstart", "2026-03-06T09:00:00"}, {"count", 3}},
      "UTC"));
  CHECK(answer["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
  CHECK(answer["occurrences"] ==
        json({"2026-03-06T09:00:00", "2026-03-09T09:00:00", "2026-03-10T09:00:00"}));
}

TEST_CASE("preview rejects bad requests naming every field", "[task-service][recurrence]") {
  CHECK(rejected_fields({{"rrule", "FREQ=SOMETIMES"}, {"dtstart", "2026-03-01"}}) ==
        std::vector<std::string>{"rrule"});
  CHECK(rejected_fields({{"dtstart", "2026-03-01"}}) == std::vector<std::string>{"rrule"});
  CHECK(rejected_fields({{"rrule", "FREQ=DAILY"}, {"dtstart", "2026-02-30T09:00:00"}}) ==
        std::vector<std::string>{"dtstart"});
  CHECK(
      rejected_fields({{"rrule", "FREQ=DAILY"}, {"dtstart", "2026-03-01"}, {"tz", "Mars/Base"}}) ==
      std::vector<std::string>{"tz"});
  CHECK(rejected_fields({{"rrule", "FREQ=DAILY"}, {"dtstart", "2026-03-01"}, {"count", 101}}) ==
        std::vector<std::string>{"count"});
  CHECK(rejected_fields({{"rrule", "FREQ=DAILY"}, {"dtstart", "2026-03-01"}, {"count", true}}) ==
        std::vector<std::string>{"count"});
  CHECK(rejected_fields({{"rrule", 5}, {"dtstart", 5}, {"extra", 1}}) ==
        std::vector<std::string>{"extra", "rrule", "dtstart"});
  CHECK(rejected_fields({{"rrule", "FREQ=DAILY"},
                         {"preset", {{"preset", "daily"}}},
                         {"dtstart", "2026-03-01"}}) == std::vector<std::string>{"rrule"});
}
