// The pieces of quick add's grammar, one phrase at a time, as the chat reads them
// (parse_date_phrase, parse_rule_phrase, parse_reminder_phrase), and the new reminder forms
// checked against the task API. "now" is Wednesday 2026-10-14 10:00 in Berlin (08:00 UTC).
#include <catch2/catch.hpp>

#include "quickadd/quick_add.hpp"
#include "tasks/task_input.hpp"
#include "time/rfc3339.hpp"

using nlohmann::json;
using todo::quickadd::parse_date_phrase;
using todo::quickadd::parse_reminder_phrase;
using todo::quickadd::parse_rule_phrase;

namespace {

const char* const kBerlin = "Europe/Berlin";

todo::time::Instant now() {
  const auto parsed = todo::time::parse_rfc3339("2026-10-14T08:00:00Z");
  REQUIRE(parsed);
  return *parsed;
}

std::string due_of(const std::string& text) {
  const auto phrase = parse_date_phrase(text, kBerlin, now());
  return phrase ? todo::time::format_local_due(phrase->due) : std::string("none");
}

todo::time::LocalDue local(const std::string& text) {
  const auto due = todo::time::parse_local_due(text);
  REQUIRE(due.ok());
  return due.value();
}

}  // namespace

TEST_CASE("parse_date_phrase reads a whole date phrase", "[quickadd][phrases]") {
  CHECK(due_of("next friday") == "2026-10-23");
  CHECK(due_of("friday") == "2026-10-16");
  CHECK(due_of("tomorrow at 5pm") == "2026-10-15T17:00:00");
  CHECK(due_of("at 9am") == "2026-10-15T09:00:00");
  CHECK(due_of("tonight") == "2026-10-14T19:00:00");
  CHECK(due_of("tomorrow night") == "2026-10-15T22:00:00");
  CHECK(due_of("this weekend") == "2026-10-17");
  CHECK(due_of("end of the month") == "2026-10-31");
  CHECK(due_of("by the end of the year") == "2026-12-31");
  CHECK(due_of("mid january") == "2027-01-15");
  CHECK(due_of("in 2 hours") == "2026-10-14T12:00:00");
  CHECK(due_of("on jan 5 at noon.") == "2027-01-05T12:00:00");

  const auto next = parse_date_phrase("next friday", kBerlin, now());
  REQUIRE(next);
  REQUIRE(next->warnings.size() == 1);
  CHECK(next->warnings[0] ==
        "'next friday' is assumed to be Friday 23 October 2026, next week's; write 'friday' for "
        "Friday 16 October 2026");
  REQUIRE(next->parts.size() == 1);
  CHECK(next->parts[0].kind == todo::quickadd::PartKind::due);
  CHECK(next->parts[0].text == "next friday");
}

TEST_CASE("parse_date_phrase answers nullopt unless the whole text is a date",
          "[quickadd][phrases]") {
  for (const char* text :
       {"", "  ", "next", "move it to next friday", "friday please", "every monday",
        "remind me at 8am", "p1", "#work", "feb 30", "the weekend", "next friday next monday"}) {
    INFO(text);
    CHECK_FALSE(parse_date_phrase(text, kBerlin, now()));
  }
  CHECK_THROWS_AS(parse_date_phrase("friday", "Mars/Olympus", now()), std::invalid_argument);
}

TEST_CASE("parse_rule_phrase reads a whole repeat phrase", "[quickadd][phrases]") {
  const auto rule = parse_rule_phrase("every other monday", kBerlin, now());
  REQUIRE(rule);
  CHECK(rule->rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
  CHECK(rule->mode == "due");
  CHECK(todo::time::format_local_due(rule->first_due) == "2026-10-19");
  CHECK(rule->recurrence.contains("preset"));

  const auto timed = parse_rule_phrase("every weekday at 9am until dec 31", kBerlin, now());
  REQUIRE(timed);
  CHECK(timed->rrule == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261231");
  CHECK(todo::time::format_local_due(timed->first_due) == "2026-10-15T09:00:00");

  const auto monthly = parse_rule_phrase("every month on the 1st", kBerlin, now());
  REQUIRE(monthly);
  CHECK(monthly->rrule == "FREQ=MONTHLY;BYMONTHDAY=1");

  const auto completion = parse_rule_phrase("every! 3 days", kBerlin, now());
  REQUIRE(completion);
  CHECK(completion->mode == "completion");
  CHECK(completion->rrule == "FREQ=DAILY;INTERVAL=3");

  for (const char* text : {"every", "next friday", "every other monday instead", "daily report",
                           "every monday remind me at 8am", "every monday #gym"}) {
    INFO(text);
    CHECK_FALSE(parse_rule_phrase(text, kBerlin, now()));
  }
}

TEST_CASE("parse_reminder_phrase reads reminders, with or without 'remind me'",
          "[quickadd][phrases]") {
  const auto dentist = local("2026-10-16T10:00:00");
  auto r = parse_reminder_phrase("remind me 2 days before", kBerlin, now(), dentist);
  REQUIRE(r);
  CHECK(r->reminders == json{{{"before", "P2D"}}});

  r = parse_reminder_phrase("1 day and 1 hour before", kBerlin, now(), dentist);
  REQUIRE(r);
  CHECK(r->reminders == json{{{"before", "P1D"}}, {{"before", "PT1H"}}});

  r = parse_reminder_phrase("the day before at 6pm", kBerlin, now(), dentist);
  REQUIRE(r);
  CHECK(r->reminders == json{{{"at", "2026-10-15T16:00:00Z"}}});

  // A repeating task keeps it as a span before each occurrence.
  r = parse_reminder_phrase("the day before at 6pm", kBerlin, now(), dentist, true);
  REQUIRE(r);
  CHECK(r->reminders == json{{{"before", "PT16H"}}});

  r = parse_reminder_phrase("tomorrow at 8am", kBerlin, now());
  REQUIRE(r);
  CHECK(r->reminders == json{{{"at", "2026-10-15T06:00:00Z"}}});

  r = parse_reminder_phrase("remind me in 2 hours", kBerlin, now());
  REQUIRE(r);
  CHECK(r->reminders == json{{{"at", "2026-10-14T10:00:00Z"}}});

  // Understood but not usable, or not understood whole.
  CHECK_FALSE(parse_reminder_phrase("2 days before", kBerlin, now()));  // no due
  CHECK_FALSE(parse_reminder_phrase("at 8am today", kBerlin, now()));   // past
  for (const char* text : {"", "remind me", "remind me soon", "2 days", "remind me at the door",
                           "remind me 1 day before and soon", "1 day before #work"}) {
    INFO(text);
    CHECK_FALSE(parse_reminder_phrase(text, kBerlin, now(), dentist));
  }
}

TEST_CASE("the new reminder forms are bodies the task API accepts", "[quickadd][reminders]") {
  for (const char* text :
       {"Dentist friday at 10am remind me the day before at 6pm and 1 hour before",
        "Pay rent every month on the 1st at 9am remind me 2 days before at 8am",
        "Standup every weekday at 9:30am remind at 9am", "Call back remind me in 2 hours",
        "Dentist friday remind me tomorrow morning", "Flight oct 30 at 6am remind me 2 days before",
        "Remind me to call mom tomorrow at 5pm"}) {
    INFO(text);
    const auto result = todo::quickadd::parse_quick_add(text, kBerlin, now());
    REQUIRE(result.task.contains("reminders"));
    CHECK(result.warnings.empty());
    CHECK_NOTHROW(todo::tasks::parse_task_create(result.task, "UTC", now()));
  }
}
