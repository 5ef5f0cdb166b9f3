// Lives with the task tests: recurrence validation is what task-service runs on every save.
#include "recurrence/rrule_validation.hpp"

#include <libical/ical.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <thread>
#include <vector>

#include "recurrence/libical_guard.hpp"

using todo::recurrence::normalize_rrule;
using todo::recurrence::parse_rrule;
using todo::recurrence::validate_rrule;

// The RRULE of every example in RFC 5545 §3.8.5.3.
static const char* const kRfc5545Examples[] = {
    "FREQ=DAILY;COUNT=10",
    "FREQ=DAILY;UNTIL=19971224T000000Z",
    "FREQ=DAILY;INTERVAL=2",
    "FREQ=DAILY;INTERVAL=10;COUNT=5",
    "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
    "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
    "FREQ=WEEKLY;COUNT=10",
    "FREQ=WEEKLY;UNTIL=19971224T000000Z",
    "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
    "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
    "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
    "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
    "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
    "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR",
    "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
    "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
    "FREQ=MONTHLY;BYMONTHDAY=-3",
    "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
    "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
    "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
    "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
    "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
    "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
    "FREQ=YEARLY;BYDAY=20MO",
    "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
    "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
    "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
    "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
    "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
    "FREQ=MINUTELY;INTERVAL=15;COUNT=6",
    "FREQ=MINUTELY;INTERVAL=90;COUNT=4",
    "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
    "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
    "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
    "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
    "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
};

TEST_CASE("every RRULE example of RFC 5545 is valid", "[recurrence][rrule]") {
  for (const char* rule : kRfc5545Examples) {
    INFO(rule);
    CHECK(validate_rrule(rule) == std::nullopt);
  }
}

TEST_CASE("product rules from the issues are valid", "[recurrence][rrule]") {
  for (const char* rule :
       {"FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=DAILY;COUNT=3",
        "FREQ=DAILY;UNTIL=20261231", "FREQ=MONTHLY;BYDAY=2MO", "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=FR",
        "FREQ=MONTHLY;BYMONTHDAY=+5"}) {
    INFO(rule);
    CHECK(validate_rrule(rule) == std::nullopt);
  }
}

TEST_CASE("an RRULE: prefix, lower case, blanks and a trailing semicolon are normalized",
          "[recurrence][rrule]") {
  CHECK(normalize_rrule("  RRULE:FREQ=WEEKLY;BYDAY=MO; ") == "FREQ=WEEKLY;BYDAY=MO");
  CHECK(normalize_rrule("rrule:freq=daily") == "FREQ=DAILY");
  const auto parsed = parse_rrule("RRULE:freq=weekly;byday=mo,we");
  REQUIRE(parsed.ok());
  CHECK(*parsed == "FREQ=WEEKLY;BYDAY=MO,WE");
}

TEST_CASE("invalid rules are rejected with a message naming the problem", "[recurrence][rrule]") {
  struct Case {
    const char* rule;
    const char* reason;
  };
  const Case cases[] = {
      {"FREQ=SOMETIMES", "FREQ must be one of"},
      {"FREQ=WEEKLY;BYDAY=XX", "BYDAY value 'XX' is not a weekday"},
      {"FREQ=DAILY;COUNT=3;UNTIL=20260101T000000Z", "COUNT and UNTIL cannot both be set"},
      {"", "the rule is empty"},
      {"   ", "the rule is empty"},
      {"RRULE:", "the rule is empty"},
      {"FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1"},
      {"BYDAY=MO", "FREQ is required"},
      {"FREQ=DAILY;;COUNT=1", "empty part"},
      {"FREQ=DAILY;COUNT=3x", "COUNT must be a whole number"},
      {"FREQ=DAILY;COUNT=0", "COUNT must be a whole number"},
      {"FREQ=DAILY;COUNT=-1", "COUNT must be a whole number"},
      {"FREQ=DAILY;INTERVAL=40000", "INTERVAL must be a whole number from 1 to 32767"},
      {"FREQ=DAILY;FREQ=WEEKLY", "FREQ appears more than once"},
      {"FREQ=DAILY;INTERVAL=1;INTERVAL=2", "INTERVAL appears more than once"},
      {"FREQ=DAILY;FOO=1", "unknown rule part 'FOO'"},
      {"FREQ=DAILY;COUNT", "not of the form NAME=VALUE"},
      {"FREQ=DAILY;BYHOUR=", "BYHOUR has no value"},
      {"FREQ=DAILY;BYHOUR=24", "BYHOUR value '24' is out of range"},
      {"FREQ=DAILY;BYMINUTE=-5", "BYMINUTE value '-5' is out of range"},
      {"FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY value '32' is out of range"},
      {"FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY value '0' is out of range"},
      {"FREQ=YEARLY;BYMONTH=13", "BYMONTH value '13' is out of range"},
      {"FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY value '367' is out of range"},
      {"FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO value '54' is out of range"},
      {"FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS value '0' is out of range"},
      {"FREQ=MONTHLY;BYDAY=MO,", "BYDAY value '' is not a weekday"},
      {"FREQ=YEARLY;BYDAY=54MO", "BYDAY ordinal in '54MO'"},
      {"FREQ=MONTHLY;BYDAY=6MO", "a month has at most 5"},
      {"FREQ=WEEKLY;BYDAY=2MO", "need FREQ=MONTHLY or FREQ=YEARLY"},
      {"FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", "not allowed together with BYWEEKNO"},
      {"FREQ=MONTHLY;BYWEEKNO=20", "BYWEEKNO is only allowed with FREQ=YEARLY"},
      {"FREQ=WEEKLY;BYYEARDAY=100", "BYYEARDAY is not allowed with FREQ=WEEKLY"},
      {"FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY is not allowed with FREQ=WEEKLY"},
      {"FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BYxxx"},
      {"FREQ=WEEKLY;WKST=XX", "WKST must be a weekday"},
      {"FREQ=DAILY;UNTIL=2026", "UNTIL must be a date"},
      {"FREQ=DAILY;UNTIL=20260230", "is not a valid date-time"},
      {"FREQ=DAILY;UNTIL=20260101T250000Z", "is not a valid date-time"},
      {"FREQ=DAILY;UNTIL=20260101T000000", "must be in UTC"},
      {"FREQ=DAILY;RSCALE=GREGORIAN", "RSCALE is not supported"},
      {"FREQ=MONTHLY;SKIP=FORWARD", "SKIP is not supported"},
      {"FREQ=WEEKLY; BYDAY=MO", "unknown rule part ' BYDAY'"},
      {"EXDATE:20260101", "not of the form NAME=VALUE"},
  };
  for (const Case& c : cases) {
    INFO(c.rule);
    const auto problem = validate_rrule(c.rule);
    REQUIRE(problem.has_value());
    CHECK_THAT(*problem, Catch::Contains(c.reason));
    CHECK_FALSE(parse_rrule(c.rule).ok());
  }
  CHECK_THAT(*validate_rrule(std::string(1001, 'A')), Catch::Contains("too long"));
}

TEST_CASE("libical is the final judge and reports through a per-thread icalerrno",
          "[recurrence][libical]") {
  CHECK(todo::recurrence::libical_rejects("FREQ=WEEKLY;BYDAY=MO") == std::nullopt);
  CHECK(todo::recurrence::libical_rejects("FREQ=SOMETIMES").has_value());
  CHECK(todo::recurrence::libical_rejects("BYDAY=MO").has_value());  // parses, but no FREQ

  // An error raised on another thread must not show up on this one (libical 3 keeps icalerrno
  // in a pthread key); and our calls leave this thread's icalerrno clear.
  icalerror_clear_errno();
  std::thread other([] {
    icalerror_set_errno(ICAL_MALFORMEDDATA_ERROR);
    CHECK(icalerrno == ICAL_MALFORMEDDATA_ERROR);
  });
  other.join();
  CHECK(icalerrno == ICAL_NO_ERROR);
  CHECK(validate_rrule("FREQ=DAILY;FOO=1").has_value());
  CHECK(icalerrno == ICAL_NO_ERROR);
}

TEST_CASE("validation gives the same answers from many threads at once", "[recurrence][libical]") {
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&wrong] {
      for (int i = 0; i < 200; ++i) {
        if (validate_rrule("FREQ=MONTHLY;BYDAY=-1FR;COUNT=5").has_value()) ++wrong;
        if (!todo::recurrence::libical_rejects("FREQ=WEEKLY;BYDAY=XX").has_value()) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
}

TEST_CASE("rejected rules print nothing to stderr", "[recurrence][libical]") {
  std::fflush(stderr);
  FILE* capture = std::tmpfile();
  REQUIRE(capture != nullptr);
  const int saved = dup(fileno(stderr));
  dup2(fileno(capture), fileno(stderr));
  for (const char* rule : {"FREQ=SOMETIMES", "FREQ=WEEKLY;BYDAY=XX", "BYDAY=MO", ""}) {
    (void)validate_rrule(rule);
    (void)todo::recurrence::libical_rejects(rule);
  }
  std::fflush(stderr);
  dup2(saved, fileno(stderr));
  close(saved);
  std::fseek(capture, 0, SEEK_END);  // the descriptor was written to, not the FILE
  CHECK(std::ftell(capture) == 0);
  std::fclose(capture);
}
