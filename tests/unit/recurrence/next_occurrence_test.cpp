// next_occurrence(): what recurrence-service creates when a recurring task is completed.
#include "recurrence/next_occurrence.hpp"

#include <catch2/catch.hpp>

#include "recurrence_test_helpers.hpp"
#include "time/rfc3339.hpp"

using recurrence_test::at;
using recurrence_test::compact;
using recurrence_test::on;
using todo::recurrence::AnchorMode;
using todo::recurrence::CompletedOccurrence;
using todo::recurrence::next_occurrence;

namespace {

const std::string kNewYork = "America/New_York";

todo::time::Instant instant(const std::string& rfc3339) {
  return *todo::time::parse_rfc3339(rfc3339);
}

CompletedOccurrence done(const std::string& rule, AnchorMode mode, todo::time::LocalDue due,
                         int index, const std::string& completed_at,
                         const std::string& zone = kNewYork) {
  return CompletedOccurrence{rule, mode, due, zone, index, instant(completed_at)};
}

// "20260311T090000#1", or "end" when the series is over.
std::string next(const CompletedOccurrence& completed) {
  const auto found = next_occurrence(completed);
  return found ? compact(found->due) + "#" + std::to_string(found->occurrence_index) : "end";
}

}  // namespace

TEST_CASE("due mode: the next occurrence follows the due date", "[recurrence][next]") {
  const auto due = at(2026, 3, 10, 9, 0);  // 13:00Z (EDT)
  // Completed on time (10:30 local) or early (08:00 local).
  CHECK(next(done("FREQ=DAILY", AnchorMode::due, due, 0, "2026-03-10T14:30:00Z")) ==
        "20260311T090000#1");
  CHECK(next(done("FREQ=DAILY", AnchorMode::due, due, 0, "2026-03-10T12:00:00Z")) ==
        "20260311T090000#1");
  // The index continues the series.
  CHECK(next(done("FREQ=WEEKLY;BYDAY=TU,FR", AnchorMode::due, due, 7, "2026-03-10T14:00:00Z")) ==
        "20260313T090000#8");
}

TEST_CASE("due mode: a late completion skips the past occurrences", "[recurrence][next]") {
  const auto due = at(2026, 3, 10, 9, 0);
  // Completed 13 March at 11:00 local: 11, 12 and 13 March are past; indexes 1-3 are used up.
  CHECK(next(done("FREQ=DAILY", AnchorMode::due, due, 0, "2026-03-13T15:00:00Z")) ==
        "20260314T090000#4");
  // Completed 13 March at 08:00 local: that day's 09:00 is still ahead.
  CHECK(next(done("FREQ=DAILY", AnchorMode::due, due, 0, "2026-03-13T12:00:00Z")) ==
        "20260313T090000#3");
}

TEST_CASE("due mode: COUNT is used up", "[recurrence][next]") {
  const std::string rule = "FREQ=DAILY;COUNT=3";
  CHECK(next(done(rule, AnchorMode::due, at(2026, 3, 10, 9, 0), 0, "2026-03-10T14:00:00Z")) ==
        "20260311T090000#1");
  CHECK(next(done(rule, AnchorMode::due, at(2026, 3, 11, 9, 0), 1, "2026-03-11T14:00:00Z")) ==
        "20260312T090000#2");
  CHECK(next(done(rule, AnchorMode::due, at(2026, 3, 12, 9, 0), 2, "2026-03-12T14:00:00Z")) ==
        "end");
  // Late: the remaining occurrences are all past.
  CHECK(next(done(rule, AnchorMode::due, at(2026, 3, 10, 9, 0), 0, "2026-03-12T14:00:00Z")) ==
        "end");
  CHECK(next(done("FREQ=DAILY;COUNT=1", AnchorMode::due, at(2026, 3, 10, 9, 0), 0,
                  "2026-03-10T14:00:00Z")) == "end");
}

TEST_CASE("due mode: UNTIL ends the series", "[recurrence][next]") {
  const std::string rule = "FREQ=DAILY;UNTIL=20260312T235959Z";
  CHECK(next(done(rule, AnchorMode::due, at(2026, 3, 11, 9, 0), 1, "2026-03-11T14:00:00Z")) ==
        "20260312T090000#2");
  CHECK(next(done(rule, AnchorMode::due, at(2026, 3, 12, 9, 0), 2, "2026-03-12T14:00:00Z")) ==
        "end");
  CHECK(next(done("FREQ=WEEKLY;UNTIL=20260320", AnchorMode::due, on(2026, 3, 13), 0,
                  "2026-03-13T14:00:00Z")) == "20260320#1");
}

TEST_CASE("due mode, date-only: compared by local date", "[recurrence][next]") {
  // Completed 12 March at 22:00 local (13 March in UTC): the next is the 13th, index 3.
  CHECK(next(done("FREQ=DAILY", AnchorMode::due, on(2026, 3, 10), 0, "2026-03-13T02:00:00Z")) ==
        "20260313#3");
  // Completed on the due day: the next day.
  CHECK(next(done("FREQ=DAILY", AnchorMode::due, on(2026, 3, 10), 0, "2026-03-10T23:00:00Z")) ==
        "20260311#1");
  CHECK(next(done("FREQ=WEEKLY;BYDAY=MO", AnchorMode::due, on(2026, 3, 9), 4,
                  "2026-03-10T15:00:00Z")) == "20260316#5");
}

TEST_CASE("due mode keeps the wall time across DST", "[recurrence][next]") {
  const auto found = next_occurrence(done("FREQ=DAILY", AnchorMode::due, at(2026, 3, 28, 9, 0), 0,
                                          "2026-03-28T10:00:00Z", "Europe/London"));
  REQUIRE(found.has_value());
  CHECK(compact(found->due) == "20260329T090000");
}

TEST_CASE("completion mode: the rule restarts at the completion", "[recurrence][next]") {
  // Due Monday 9 March 09:00, completed Monday 15:00 local: every 3 days -> Thursday 09:00.
  CHECK(next(done("FREQ=DAILY;INTERVAL=3", AnchorMode::completion, at(2026, 3, 9, 9, 0), 4,
                  "2026-03-09T19:00:00Z")) == "20260312T090000#5");
  // Completed a week late: counted from the completion day, not the due.
  CHECK(next(done("FREQ=DAILY;INTERVAL=3", AnchorMode::completion, at(2026, 3, 9, 9, 0), 0,
                  "2026-03-16T19:00:00Z")) == "20260319T090000#1");
  // Completed on a Tuesday: the rule's next day after it.
  CHECK(next(done("FREQ=WEEKLY;BYDAY=MO,WE", AnchorMode::completion, at(2026, 3, 9, 9, 0), 0,
                  "2026-03-10T19:00:00Z")) == "20260311T090000#1");
  // The completion's local date: 23:00 on the 9th in New York is the 10th in UTC.
  CHECK(next(done("FREQ=DAILY", AnchorMode::completion, at(2026, 3, 9, 9, 0), 0,
                  "2026-03-10T03:00:00Z")) == "20260310T090000#1");
  // Date-only tasks stay date-only.
  CHECK(next(done("FREQ=WEEKLY", AnchorMode::completion, on(2026, 3, 2), 0,
                  "2026-03-05T15:00:00Z")) == "20260312#1");
}

TEST_CASE("completion mode: COUNT counts the tasks, UNTIL applies", "[recurrence][next]") {
  const auto due = at(2026, 3, 9, 9, 0);
  CHECK(next(done("FREQ=DAILY;COUNT=3", AnchorMode::completion, due, 1, "2026-03-09T19:00:00Z")) ==
        "20260310T090000#2");
  CHECK(next(done("FREQ=DAILY;COUNT=3", AnchorMode::completion, due, 2, "2026-03-09T19:00:00Z")) ==
        "end");
  CHECK(next(done("FREQ=DAILY;UNTIL=20260310", AnchorMode::completion, due, 0,
                  "2026-03-09T19:00:00Z")) == "20260310T090000#1");
  CHECK(next(done("FREQ=DAILY;UNTIL=20260310", AnchorMode::completion, due, 0,
                  "2026-03-10T19:00:00Z")) == "end");
}

TEST_CASE("a series that never matches again ends", "[recurrence][next]") {
  CHECK(next(done("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", AnchorMode::due, at(2026, 2, 1, 9, 0), 0,
                  "2026-02-01T15:00:00Z")) == "end");
}

TEST_CASE("next_occurrence refuses bad input", "[recurrence][next]") {
  const auto due = at(2026, 3, 9, 9, 0);
  CHECK_THROWS_AS(
      next_occurrence(done("FREQ=SOMETIMES", AnchorMode::due, due, 0, "2026-03-09T19:00:00Z")),
      std::invalid_argument);
  CHECK_THROWS_WITH(next_occurrence(done("FREQ=DAILY", AnchorMode::due, due, 0,
                                         "2026-03-09T19:00:00Z", "Mars/Olympus")),
                    Catch::Contains("unknown time zone"));
  CHECK_THROWS_WITH(
      next_occurrence(done("FREQ=DAILY", AnchorMode::due, due, -1, "2026-03-09T19:00:00Z")),
      Catch::Contains("occurrence_index"));
  CHECK_THROWS_WITH(next_occurrence(done("FREQ=DAILY", AnchorMode::due, on(2026, 2, 30), 0,
                                         "2026-03-09T19:00:00Z")),
                    Catch::Contains("not a valid date"));
}
