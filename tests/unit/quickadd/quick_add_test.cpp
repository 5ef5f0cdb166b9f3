// parse_quick_add(): one line of English read as a task create body plus highlighted parts.
// Unless a case says otherwise, "now" is Saturday 2026-11-28 10:00 UTC (11:00 in Berlin).
#include "quickadd/quick_add.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "http/problem.hpp"
#include "tasks/task_input.hpp"
#include "time/rfc3339.hpp"

using nlohmann::json;
using todo::quickadd::parse_quick_add;
using todo::quickadd::PartKind;
using todo::quickadd::QuickAdd;

namespace {

const char* const kNow = "2026-11-28T10:00:00Z";
const char* const kBerlin = "Europe/Berlin";

todo::time::Instant instant(const std::string& text) {
  const auto parsed = todo::time::parse_rfc3339(text);
  REQUIRE(parsed);
  return *parsed;
}

// Parses, and checks that the task API accepts the body as it is (when it has a title).
QuickAdd read(const std::string& text, const std::string& zone = kBerlin,
              const std::string& now = kNow) {
  QuickAdd result = parse_quick_add(text, zone, instant(now));
  if (!result.task["title"].get<std::string>().empty()) {
    try {
      todo::tasks::parse_task_create(result.task, "UTC", instant(now));
    } catch (const todo::errors::FieldsError& e) {
      FAIL("the task API refuses " << result.task.dump() << ": " << e.what());
    }
  }
  return result;
}

std::string title(const QuickAdd& r) {
  return r.task["title"].get<std::string>();
}

std::string due(const QuickAdd& r) {
  return r.task.contains("due") ? r.task["due"].get<std::string>() : std::string("none");
}

std::string due_at(const QuickAdd& r) {
  return r.due_at ? todo::time::format_rfc3339(*r.due_at) : std::string("none");
}

std::vector<std::string> kinds(const QuickAdd& r) {
  std::vector<std::string> out;
  for (const auto& part : r.parts) out.push_back(todo::quickadd::to_string(part.kind));
  return out;
}

json answer(const QuickAdd& r) {
  return todo::quickadd::to_json(r);
}

}  // namespace

TEST_CASE("quick add: the example sentence of the issue", "[quickadd]") {
  const std::string text = "Pay rent every month on the 1st at 9am p1 #bills remind 1 day before";
  const QuickAdd r = read(text);
  CHECK(r.task == json{{"title", "Pay rent"},
                       {"priority", "urgent"},
                       {"tags", {"bills"}},
                       {"due", "2026-12-01T09:00:00"},
                       {"time_zone", "Europe/Berlin"},
                       {"reminders", {{{"before", "P1D"}}}},
                       {"recurrence", {{"preset", {{"preset", "monthly"}, {"day", 1}}}}}});
  CHECK(due_at(r) == "2026-12-01T08:00:00Z");
  CHECK(r.rrule == "FREQ=MONTHLY;BYMONTHDAY=1");
  CHECK(r.warnings.empty());
  REQUIRE(r.parts.size() == 5);
  const std::pair<PartKind, std::string> expected[] = {
      {PartKind::recurrence, "every month on the 1st"},
      {PartKind::time, "at 9am"},
      {PartKind::priority, "p1"},
      {PartKind::tag, "#bills"},
      {PartKind::reminder, "remind 1 day before"}};
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(r.parts[i].kind == expected[i].first);
    CHECK(r.parts[i].text == expected[i].second);
    CHECK(r.parts[i].start == text.find(expected[i].second));  // ASCII: bytes are UTF-16 units
    CHECK(r.parts[i].end == r.parts[i].start + expected[i].second.size());
  }
  const json body = answer(r);
  CHECK(body["summary"] == "every month on the 1st");
  CHECK(body["next"] ==
        json{"2026-12-01T08:00:00Z", "2027-01-01T08:00:00Z", "2027-02-01T08:00:00Z"});
  CHECK(body["due_at"] == "2026-12-01T08:00:00Z");
  CHECK(
      body["parts"][0] ==
      json{{"kind", "recurrence"}, {"start", 9}, {"end", 31}, {"text", "every month on the 1st"}});
}

TEST_CASE("quick add: relative days", "[quickadd][dates]") {
  struct Case {
    const char* text;
    const char* due;
  };
  const Case cases[] = {
      {"Call mom today", "2026-11-28"},
      {"Call mom tomorrow", "2026-11-29"},
      {"tomorrow Call mom", "2026-11-29"},
      {"Call mom tonight", "2026-11-28T19:00:00"},
      {"Call mom tonight at 9pm", "2026-11-28T21:00:00"},
      {"Call mom in 3 days", "2026-12-01"},
      {"Call mom in a week", "2026-12-05"},
      {"Call mom in 2 weeks", "2026-12-12"},
      {"Call mom in 2 months", "2027-01-28"},
      {"Call mom in 2 hours", "2026-11-28T13:00:00"},
      {"Call mom in 30 minutes", "2026-11-28T11:30:00"},
      {"Call mom in 90min", "2026-11-28T12:30:00"},
      {"Call mom in 2d", "2026-11-30"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const QuickAdd r = read(c.text);
    CHECK(title(r) == "Call mom");
    CHECK(due(r) == c.due);
  }
}

TEST_CASE("quick add: weekdays (now is a Saturday)", "[quickadd][dates]") {
  struct Case {
    const char* text;
    const char* due;
  };
  const Case cases[] = {
      {"Dentist friday", "2026-12-04"},        {"Dentist fri", "2026-12-04"},
      {"Dentist on monday", "2026-11-30"},     {"Dentist saturday", "2026-11-28"},
      {"Dentist next saturday", "2026-12-05"}, {"Dentist next friday", "2026-12-04"},
      {"Dentist this sunday", "2026-11-29"},   {"Dentist by Wednesday", "2026-12-02"},
      {"Dentist next week", "2026-11-30"},     {"Dentist due thursday", "2026-12-03"},
      {"Dentist MONDAY", "2026-11-30"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const QuickAdd r = read(c.text);
    CHECK(title(r) == "Dentist");
    CHECK(due(r) == c.due);
  }
  // Seen from a Wednesday, "friday" is this week's and "next friday" next week's.
  CHECK(due(read("Dentist friday", kBerlin, "2026-11-25T10:00:00Z")) == "2026-11-27");
  CHECK(due(read("Dentist next friday", kBerlin, "2026-11-25T10:00:00Z")) == "2026-12-04");
}

TEST_CASE("quick add: calendar dates", "[quickadd][dates]") {
  struct Case {
    const char* text;
    const char* due;
  };
  const Case cases[] = {
      {"Renew passport jan 5", "2027-01-05"},
      {"Renew passport 5 jan", "2027-01-05"},
      {"Renew passport january 5th", "2027-01-05"},
      {"Renew passport on the 5th of january", "2027-01-05"},
      {"Renew passport on jan 5 at 10:30", "2027-01-05T10:30:00"},
      {"Renew passport dec 1", "2026-12-01"},
      {"Renew passport nov 28", "2026-11-28"},  // today is still ahead of nothing: it is today
      {"Renew passport nov 27", "2027-11-27"},
      {"Renew passport 2026-12-01", "2026-12-01"},
      {"Renew passport dec 1 2027", "2027-12-01"},
      {"Renew passport dec 1, 2027", "2027-12-01"},
      {"Renew passport 1 dec 2027", "2027-12-01"},
      {"Renew passport on the 1st", "2026-12-01"},
      {"Renew passport on the 31st", "2026-12-31"},  // November has no 31st
      {"Renew passport feb 29", "2028-02-29"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const QuickAdd r = read(c.text);
    CHECK(title(r) == "Renew passport");
    CHECK(due(r) == c.due);
  }
}

TEST_CASE("quick add: impossible dates stay in the title", "[quickadd][dates]") {
  for (const char* text : {"Party feb 30", "Party 2026-02-30", "Party on the 32nd", "Party 31 apr",
                           "Party dec 1 2026x"}) {
    INFO(text);
    const QuickAdd r = read(text);
    CHECK(title(r) == text);
    CHECK(due(r) == "none");
    CHECK(r.parts.empty());
  }
}

TEST_CASE("quick add: times of day (now is 11:00 local)", "[quickadd][times]") {
  struct Case {
    const char* text;
    const char* due;
  };
  const Case cases[] = {
      {"Standup at 9am", "2026-11-29T09:00:00"},  // passed today: tomorrow
      {"Standup at 5pm", "2026-11-28T17:00:00"},  // still ahead: today
      {"Standup 9:30pm", "2026-11-28T21:30:00"},
      {"Standup 9:30 PM", "2026-11-28T21:30:00"},
      {"Standup at 17:00", "2026-11-28T17:00:00"},
      {"Standup 08:15", "2026-11-29T08:15:00"},
      {"Standup at noon", "2026-11-28T12:00:00"},
      {"Standup noon", "2026-11-28T12:00:00"},
      {"Standup midnight", "2026-11-29T00:00:00"},
      {"Standup at 12am", "2026-11-29T00:00:00"},
      {"Standup at 12pm", "2026-11-28T12:00:00"},
      {"Standup at 11am", "2026-11-29T11:00:00"},  // exactly now is not ahead
      {"Standup tomorrow at 9am", "2026-11-29T09:00:00"},
      {"Standup at 9am tomorrow", "2026-11-29T09:00:00"},
      {"Standup friday at 8:45am", "2026-12-04T08:45:00"},
      {"Standup jan 5 noon", "2027-01-05T12:00:00"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const QuickAdd r = read(c.text);
    CHECK(title(r) == "Standup");
    CHECK(due(r) == c.due);
  }
  // due_at is the UTC instant of the local time.
  CHECK(due_at(read("Standup tomorrow at 9am")) == "2026-11-29T08:00:00Z");
  CHECK(due_at(read("Standup tomorrow at 9am", "America/New_York")) == "2026-11-29T14:00:00Z");
  // A date without a time is a date-only due; its due_at is local midnight.
  CHECK(due_at(read("Standup tomorrow")) == "2026-11-28T23:00:00Z");
}

TEST_CASE("quick add: an hour without am/pm is read as people mean it, with a warning",
          "[quickadd][times]") {
  // "now" is 11:00 in Berlin: 09:00 has passed (tomorrow), 15:00 has not.
  QuickAdd r = read("Meet at 9");
  CHECK(title(r) == "Meet");
  CHECK(due(r) == "2026-11-29T09:00:00");
  CHECK(r.warnings ==
        std::vector<std::string>{"'at 9' is assumed to be 09:00; write '9pm' for 21:00"});
  r = read("Call mom at 3");
  CHECK(due(r) == "2026-11-28T15:00:00");
  CHECK(r.warnings ==
        std::vector<std::string>{"'at 3' is assumed to be 15:00; write '3am' for 03:00"});
  r = read("Call mom at 3:30");
  CHECK(due(r) == "2026-11-28T15:30:00");
  r = read("Call mom at 03:30");
  CHECK(due(r) == "2026-11-29T03:30:00");
  CHECK(r.warnings.empty());
  r = read("Gym at 17");
  CHECK(due(r) == "2026-11-28T17:00:00");
  CHECK(r.warnings.empty());
  r = read("Dinner tonight at 8");  // the part of the day says pm: no guess
  CHECK(due(r) == "2026-11-28T20:00:00");
  CHECK(r.warnings.empty());
}

TEST_CASE("quick add: words that are not times stay", "[quickadd][times]") {
  for (const char* text : {"Meet at the cafe", "Buy 9 apples", "Meet at 5 Main Street",
                           "Read 25:00 book", "Fix 9:7 bug", "Watch Midnight Express"}) {
    INFO(text);
    const QuickAdd r = read(text);
    CHECK(title(r) == text);
    CHECK(r.parts.empty());
  }
}

TEST_CASE("quick add: recurrence phrases", "[quickadd][recurrence]") {
  struct Case {
    const char* text;
    const char* rrule;
    const char* due;
  };
  const Case cases[] = {
      {"Water plants daily", "FREQ=DAILY", "2026-11-28"},
      {"Water plants every day", "FREQ=DAILY", "2026-11-28"},
      {"Water plants every day at 9am", "FREQ=DAILY", "2026-11-29T09:00:00"},
      {"Water plants every day at 6pm", "FREQ=DAILY", "2026-11-28T18:00:00"},
      {"Water plants every 3 days", "FREQ=DAILY;INTERVAL=3", "2026-11-28"},
      {"Water plants every other day", "FREQ=DAILY;INTERVAL=2", "2026-11-28"},
      {"Water plants every weekday at 9am", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
       "2026-11-30T09:00:00"},
      {"Water plants every weekend", "FREQ=WEEKLY;BYDAY=SA", "2026-11-28"},
      {"Water plants every weekend day", "FREQ=WEEKLY;BYDAY=SA,SU", "2026-11-28"},
      {"Water plants weekly", "FREQ=WEEKLY", "2026-11-28"},
      {"Water plants every week", "FREQ=WEEKLY", "2026-11-28"},
      {"Water plants every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "2026-11-28"},
      {"Water plants fortnightly", "FREQ=WEEKLY;INTERVAL=2", "2026-11-28"},
      {"Water plants every other monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-11-30"},
      {"Water plants every monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30"},
      {"Water plants every saturday", "FREQ=WEEKLY;BYDAY=SA", "2026-11-28"},
      {"Water plants every monday and wednesday", "FREQ=WEEKLY;BYDAY=MO,WE", "2026-11-30"},
      {"Water plants every wed, mon and fri at 7:30am", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
       "2026-11-30T07:30:00"},
      {"Water plants every 2 weeks on monday and wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE",
       "2026-11-30"},
      {"Water plants weekly on friday", "FREQ=WEEKLY;BYDAY=FR", "2026-12-04"},
      {"Water plants monthly", "FREQ=MONTHLY;BYMONTHDAY=28", "2026-11-28"},
      {"Water plants every month on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01"},
      {"Water plants every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15"},
      {"Water plants monthly on the 28th", "FREQ=MONTHLY;BYMONTHDAY=28", "2026-11-28"},
      {"Water plants every 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15"},
      {"Water plants every month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"},
      {"Water plants every month on the last friday", "FREQ=MONTHLY;BYDAY=-1FR", "2026-12-25"},
      {"Water plants every month on the first monday", "FREQ=MONTHLY;BYDAY=1MO", "2026-12-07"},
      {"Water plants every 3 months", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28", "2026-11-28"},
      {"Water plants every 3 months on the 1st", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
       "2026-12-01"},
      {"Water plants yearly", "FREQ=YEARLY", "2026-11-28"},
      {"Water plants annually", "FREQ=YEARLY", "2026-11-28"},
      {"Water plants every year on jan 5", "FREQ=YEARLY", "2027-01-05"},
      {"Water plants every year on 5 january", "FREQ=YEARLY", "2027-01-05"},
      {"Water plants every jan 5", "FREQ=YEARLY", "2027-01-05"},
      {"Water plants every monday from dec 10", "FREQ=WEEKLY;BYDAY=MO", "2026-12-14"},
      {"Water plants every 2 weeks starting jan 5", "FREQ=WEEKLY;INTERVAL=2", "2027-01-05"},
      {"Water plants tomorrow every day", "FREQ=DAILY", "2026-11-29"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const QuickAdd r = read(c.text);
    CHECK(title(r) == "Water plants");
    CHECK(r.rrule.value_or("none") == c.rrule);
    CHECK(due(r) == c.due);
  }
}

TEST_CASE("quick add: a repeat a preset cannot say is sent as its rule", "[quickadd][recurrence]") {
  QuickAdd r = read("Board every 1st and 3rd tuesday");
  CHECK(r.task["recurrence"] == json{{"rrule", "FREQ=MONTHLY;BYDAY=1TU,3TU"}});
  CHECK(due(r) == "2026-12-01");
  r = read("Payroll every last workday");
  CHECK(r.task["recurrence"] == json{{"rrule", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"}});
  CHECK(due(r) == "2026-11-30");
  r = read("Pills every day at 8am and 8pm");
  CHECK(r.task["recurrence"] == json{{"rrule", "FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0"}});
  CHECK(due(r) == "2026-11-28T20:00:00");
  CHECK(title(r) == "Pills");
  // One a preset says stays a preset.
  r = read("Book club every 3rd wednesday");
  CHECK(r.task["recurrence"] ==
        json{{"preset", {{"preset", "monthly_weekday"}, {"ordinal", 3}, {"weekday", "WE"}}}});
}

TEST_CASE("quick add: every! and after repeat from each completion", "[quickadd][recurrence]") {
  QuickAdd r = read("Haircut every! 3 weeks");
  CHECK(title(r) == "Haircut");
  CHECK(r.task["recurrence"] ==
        json{{"preset", {{"preset", "weekly"}, {"interval", 3}}}, {"mode", "completion"}});
  r = read("Change filter after 10 days");
  CHECK(r.rrule.value_or("none") == "FREQ=DAILY;INTERVAL=10");
  CHECK(r.task["recurrence"]["mode"] == "completion");
  r = read("Call mom every 2 weeks on friday after completion");
  CHECK(title(r) == "Call mom");
  CHECK(r.task["recurrence"]["mode"] == "completion");
  r = read("Call mom every 2 weeks");
  CHECK_FALSE(r.task["recurrence"].contains("mode"));
}

TEST_CASE("quick add: ambiguous repeats warn what was assumed", "[quickadd][recurrence]") {
  const auto warned = [](const QuickAdd& r, const std::string& piece) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const std::string& w) { return w.find(piece) != std::string::npos; });
  };
  CHECK(warned(read("Clean every weekend"), "Saturday only"));
  CHECK(warned(read("Report every 2nd tuesday"), "every other tuesday"));
  CHECK(warned(read("Gym every day until june"), "until 2027-06-01"));
  CHECK(read("Gym every day through june").warnings.empty());
  CHECK(warned(read("Pills at 8am and 8pm"), "only 08:00 is used"));
  CHECK(title(read("Pills at 8am and 8pm")) == "Pills");
}

TEST_CASE("quick add: recurrence ends", "[quickadd][recurrence]") {
  QuickAdd r = read("Gym every monday until dec 31");
  CHECK(title(r) == "Gym");
  CHECK(r.rrule == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231");
  CHECK(r.task["recurrence"]["preset"]["until"] == "2026-12-31");
  CHECK(kinds(r) == std::vector<std::string>{"recurrence", "recurrence"});
  CHECK(answer(r)["summary"] == "every week on Monday, until 31 Dec 2026");

  r = read("Gym every day at 7am for 5 times");
  CHECK(title(r) == "Gym");
  CHECK(r.rrule == "FREQ=DAILY;COUNT=5");
  CHECK(due(r) == "2026-11-29T07:00:00");

  r = read("Gym every week 10 times");
  CHECK(r.rrule == "FREQ=WEEKLY;COUNT=10");
  CHECK(title(r) == "Gym");

  r = read("Gym daily until 2027-01-31 p2");
  CHECK(r.rrule == "FREQ=DAILY;UNTIL=20270131");
  CHECK(r.task["priority"] == "high");

  // Without a recurrence, "until" and "times" are title words.
  r = read("Say it 3 times");
  CHECK(title(r) == "Say it 3 times");
  CHECK(!r.rrule);
  r = read("Wait until friday");
  CHECK(title(r) == "Wait until friday");

  // An end before the first occurrence is not used: it stays in the title.
  r = read("Gym every monday until nov 29");
  CHECK(r.rrule == "FREQ=WEEKLY;BYDAY=MO");
  CHECK(title(r) == "Gym until nov 29");
  CHECK(r.warnings.size() == 1);
}

TEST_CASE("quick add: unknown recurrences stay in the title", "[quickadd][recurrence]") {
  for (const char* text : {"Read every blah", "Every little thing", "Check every 1000 days",
                           "Write weekly report", "Monthly budget review"}) {
    INFO(text);
    const QuickAdd r = read(text);
    CHECK(title(r) == text);
    CHECK(!r.rrule);
  }
}

TEST_CASE("quick add: priorities", "[quickadd][priority]") {
  struct Case {
    const char* text;
    const char* priority;
  };
  const Case cases[] = {{"Fix bug p1", "urgent"},      {"Fix bug P2", "high"},
                        {"p3 Fix bug", "medium"},      {"Fix bug p4", "low"},
                        {"Fix bug !urgent", "urgent"}, {"Fix bug !HIGH", "high"},
                        {"Fix bug !medium", "medium"}, {"Fix bug !low", "low"}};
  for (const auto& c : cases) {
    INFO(c.text);
    const QuickAdd r = read(c.text);
    CHECK(title(r) == "Fix bug");
    CHECK(r.task["priority"] == c.priority);
    CHECK(kinds(r) == std::vector<std::string>{"priority"});
  }
  // Only the first priority counts; the others stay in the title.
  const QuickAdd twice = read("Fix bug p1 p3");
  CHECK(twice.task["priority"] == "urgent");
  CHECK(title(twice) == "Fix bug p3");
  for (const char* text : {"Fix bug p5", "Fix bug p0", "Fix bug !important", "Fix p1bug"}) {
    INFO(text);
    const QuickAdd r = read(text);
    CHECK(title(r) == text);
    CHECK(!r.task.contains("priority"));
  }
}

TEST_CASE("quick add: tags", "[quickadd][tags]") {
  QuickAdd r = read("Pay bills #home #Finance #home #2026-taxes #a_b #v1.2 #café");
  CHECK(title(r) == "Pay bills");
  CHECK(r.task["tags"] == json{"home", "finance", "2026-taxes", "a_b", "v1.2", "café"});
  r = read("Pay #bills now");
  CHECK(title(r) == "Pay now");
  CHECK(r.task["tags"] == json{"bills"});
  r = read("Pay bills #bills.");
  CHECK(title(r) == "Pay bills.");
  for (const char* text : {"Fix bug #", "Fix bug #42", "Fix bug ##x", "Fix bug #home/garden"}) {
    INFO(text);
    const QuickAdd one = read(text);
    CHECK(title(one) == text);
    CHECK(!one.task.contains("tags"));
  }
}

TEST_CASE("quick add: reminders", "[quickadd][reminders]") {
  QuickAdd r = read("Dentist tomorrow at 10am remind me 30 min before");
  CHECK(title(r) == "Dentist");
  CHECK(r.task["reminders"] == json{{{"before", "PT30M"}}});

  r = read("Dentist tomorrow at 10am remind 2 hours before remind me 1 day before");
  CHECK(r.task["reminders"] == json{{{"before", "PT2H"}}, {{"before", "P1D"}}});
  CHECK(kinds(r) == std::vector<std::string>{"due", "time", "reminder", "reminder"});

  r = read("Dentist tomorrow at 10am remind me an hour before");
  CHECK(r.task["reminders"] == json{{{"before", "PT1H"}}});
  r = read("Dentist tomorrow at 10am remind me 15m before");
  CHECK(r.task["reminders"] == json{{{"before", "PT15M"}}});
  r = read("Dentist friday remind me 1 week before");
  CHECK(r.task["reminders"] == json{{{"before", "P1W"}}});

  // Absolute: on the due's day, as a UTC instant.
  r = read("Dentist tomorrow at 10am remind at 8am");
  CHECK(title(r) == "Dentist");
  CHECK(r.task["reminders"] == json{{{"at", "2026-11-29T07:00:00Z"}}});
  r = read("Dentist tomorrow remind me at 7:30pm");  // date-only due: that day
  CHECK(r.task["reminders"] == json{{{"at", "2026-11-29T18:30:00Z"}}});
  r = read("Dentist remind me at 8am");  // no due: the next 8am
  CHECK(r.task["reminders"] == json{{{"at", "2026-11-29T07:00:00Z"}}});
  CHECK(due(r) == "none");
}

TEST_CASE("quick add: reminders that cannot be used stay in the title", "[quickadd][reminders]") {
  QuickAdd r = read("Dentist remind me 1 day before");
  CHECK(title(r) == "Dentist remind me 1 day before");
  CHECK(!r.task.contains("reminders"));
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] ==
        "'remind me 1 day before' needs a due date to count back from; it stays in the title");

  r = read("Dentist today remind at 8am");  // 08:00 today has passed
  CHECK(title(r) == "Dentist remind at 8am");
  CHECK(!r.task.contains("reminders"));
  CHECK(r.warnings.size() == 1);

  for (const char* text : {"Remind John to pay", "Dentist remind me soon", "remind 400 days before",
                           "Dentist remind me at the door"}) {
    INFO(text);
    const QuickAdd one = read(text);
    CHECK(title(one) == text);
    CHECK(one.parts.empty());
  }
}

TEST_CASE("quick add: bare words in the middle of a title stay", "[quickadd][ambiguity]") {
  struct Case {
    const char* text;
    const char* title;
    const char* due;
  };
  const Case cases[] = {
      {"Call mom about the monday meeting", "Call mom about the monday meeting", "none"},
      {"Call mom about the monday meeting on friday", "Call mom about the monday meeting",
       "2026-12-04"},
      {"Prepare may 5 talk notes", "Prepare may 5 talk notes", "none"},
      {"Meet Bob on the 5th floor", "Meet Bob on the 5th floor", "none"},
      {"Meet Bob on the 5th", "Meet Bob", "2026-12-05"},
      {"Monday standup notes", "Monday standup notes", "none"},
      {"Call mom on monday about rent", "Call mom about rent", "2026-11-30"},
      {"Call mom monday p1 #family", "Call mom", "2026-11-30"},
      {"Call mom monday.", "Call mom.", "2026-11-30"},
      {"Submit report jan 5, p2", "Submit report", "2027-01-05"},
      {"Lunch at noon with Ann", "Lunch with Ann", "2026-11-28T12:00:00"},
      {"Lunch noon with Ann", "Lunch noon with Ann", "none"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const QuickAdd r = read(c.text);
    CHECK(title(r) == c.title);
    CHECK(due(r) == c.due);
  }
}

TEST_CASE("quick add: only the first date, time and recurrence count", "[quickadd][ambiguity]") {
  QuickAdd r = read("Call mom tomorrow friday");
  CHECK(due(r) == "2026-11-29");
  CHECK(title(r) == "Call mom friday");
  r = read("Call mom at 5pm at 6pm");
  CHECK(due(r) == "2026-11-28T17:00:00");
  CHECK(title(r) == "Call mom at 6pm");
  r = read("Call mom every day every monday");
  CHECK(r.rrule == "FREQ=DAILY");
  CHECK(title(r) == "Call mom every monday");
}

TEST_CASE("quick add: the title is tidied", "[quickadd][title]") {
  struct Case {
    const char* text;
    const char* title;
  };
  const Case cases[] = {
      {"  Buy   milk   tomorrow  ", "Buy milk"},
      {"Buy milk, tomorrow", "Buy milk"},
      {"Buy milk tomorrow, p1", "Buy milk"},
      {"Buy milk, eggs and bread tomorrow", "Buy milk, eggs and bread"},
      {"Buy milk tomorrow and p1", "Buy milk"},
      {"tomorrow: buy milk", "buy milk"},
      {"Buy milk - tomorrow at 9am", "Buy milk"},
      {"Buy milk\ttomorrow\n", "Buy milk"},
      {"Buy milk (tomorrow)", "Buy milk (tomorrow)"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(title(read(c.text)) == c.title);
  }
  const QuickAdd empty = read("tomorrow at 9am p1");
  CHECK(title(empty).empty());
  CHECK(empty.warnings ==
        std::vector<std::string>{"the title is empty: write what the task is, besides when"});
}

TEST_CASE("quick add: offsets are UTF-16 code units", "[quickadd][offsets]") {
  QuickAdd r = read("Café ☕ tomorrow");
  CHECK(title(r) == "Café ☕");
  REQUIRE(r.parts.size() == 1);
  CHECK(r.parts[0].start == 7);  // C a f é ␠ ☕ ␠: seven units, though eleven bytes
  CHECK(r.parts[0].end == 15);
  CHECK(r.parts[0].text == "tomorrow");

  r = read("🎉 party tomorrow #fête p1");  // the emoji is a surrogate pair: two units
  CHECK(title(r) == "🎉 party");
  REQUIRE(r.parts.size() == 3);
  CHECK(r.parts[0].start == 9);
  CHECK(r.parts[0].end == 17);
  CHECK(r.parts[1].text == "#fête");
  CHECK(r.parts[1].start == 18);
  CHECK(r.parts[1].end == 23);
  CHECK(r.parts[2].start == 24);
  CHECK(r.parts[2].end == 26);
  CHECK(r.task["tags"] == json{"fête"});

  r = read("Ünïcödé every Monday");
  CHECK(r.parts[0].start == 8);
  CHECK(r.parts[0].end == 20);
  CHECK(r.parts[0].text == "every Monday");
}

TEST_CASE("quick add: a daily 09:00 keeps its wall time across the DST change", "[quickadd][dst]") {
  // Friday 30 Oct 2026, 08:00 in New York (EDT); clocks go back on Sunday 1 November.
  const QuickAdd r = read("Standup every day at 9am", "America/New_York", "2026-10-30T12:00:00Z");
  CHECK(due(r) == "2026-10-30T09:00:00");
  CHECK(due_at(r) == "2026-10-30T13:00:00Z");
  const json body = answer(r);
  CHECK(body["summary"] == "every day");
  CHECK(body["next"] ==
        json{"2026-10-30T13:00:00Z", "2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z"});
  CHECK(body["task"]["time_zone"] == "America/New_York");

  // 02:30 does not exist on 8 March 2026 in New York: the occurrence moves to 03:30 EDT.
  const json spring =
      answer(read("Backup every day at 2:30am", "America/New_York", "2026-03-07T12:00:00Z"));
  CHECK(spring["next"] ==
        json{"2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"});
}

TEST_CASE("quick add: month ends", "[quickadd][recurrence]") {
  const QuickAdd r = read("Invoice every month on the 31st at 10am");
  CHECK(due(r) == "2026-12-31T10:00:00");
  CHECK(r.rrule == "FREQ=MONTHLY;BYMONTHDAY=31");
  CHECK(answer(r)["next"] ==
        json{"2026-12-31T09:00:00Z", "2027-01-31T09:00:00Z", "2027-03-31T08:00:00Z"});
  const QuickAdd last = read("Invoice every month on the last day");
  CHECK(answer(last)["next"] ==
        json{"2026-11-29T23:00:00Z", "2026-12-30T23:00:00Z", "2027-01-30T23:00:00Z"});
  CHECK(answer(last)["summary"] == "every month on the last day");
}

TEST_CASE("quick add: the first due of a series is at or after now", "[quickadd][recurrence]") {
  // Monday 30 Nov 2026 in Berlin.
  const char* monday_8 = "2026-11-30T07:00:00Z";   // 08:00 local
  const char* monday_10 = "2026-11-30T09:00:00Z";  // 10:00 local
  CHECK(due(read("Sync every monday at 9am", kBerlin, monday_8)) == "2026-11-30T09:00:00");
  CHECK(due(read("Sync every monday at 9am", kBerlin, monday_10)) == "2026-12-07T09:00:00");
  CHECK(due(read("Sync every monday", kBerlin, monday_10)) == "2026-11-30");
  CHECK(due(read("Sync every 2 weeks on monday at 9am", kBerlin, monday_10)) ==
        "2026-12-07T09:00:00");
  CHECK(due(read("Sync every weekday at 9am", kBerlin, monday_10)) == "2026-12-01T09:00:00");
  CHECK(due(read("Sync every day at 9am", kBerlin, monday_8)) == "2026-11-30T09:00:00");
  CHECK(due(read("Sync every day at 9am", kBerlin, monday_10)) == "2026-12-01T09:00:00");
  // 00:00 local: a rule at midnight happens now.
  CHECK(due(read("Sync every monday at midnight", kBerlin, "2026-11-29T23:00:00Z")) ==
        "2026-11-30T00:00:00");
}

TEST_CASE("quick add: to_json of a one-off task", "[quickadd]") {
  const json body = answer(read("Buy milk"));
  CHECK(body == json{{"task", {{"title", "Buy milk"}, {"time_zone", "Europe/Berlin"}}},
                     {"parts", json::array()},
                     {"due_at", nullptr},
                     {"rrule", nullptr},
                     {"summary", nullptr},
                     {"next", json::array()},
                     {"warnings", json::array()}});
}

TEST_CASE("quick add: an unknown zone is refused", "[quickadd]") {
  CHECK_THROWS_AS(parse_quick_add("x", "Mars/Olympus", std::chrono::system_clock::now()),
                  std::invalid_argument);
}
