// expand(): time zones and DST, leap years and month ends, date-only and floating anchors,
// COUNT/UNTIL/after, malformed rules and rules that never match.
#include "recurrence/expansion.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "recurrence_test_helpers.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

using recurrence_test::at;
using recurrence_test::compact;
using recurrence_test::occurrences;
using recurrence_test::on;
using todo::recurrence::Anchor;
using todo::recurrence::expand;
using Strings = std::vector<std::string>;

namespace {

const std::string kNewYork = "America/New_York";
const std::string kLondon = "Europe/London";

// The UTC instants of expanded wall times, as RFC 3339.
Strings utc(const Strings& walls, const std::string& zone) {
  Strings instants;
  for (const std::string& wall : walls) {
    instants.push_back(todo::time::format_rfc3339(todo::time::to_utc(compact(wall), zone)));
  }
  return instants;
}

}  // namespace

TEST_CASE("a daily 09:00 rule stays 09:00 local across DST changes", "[recurrence][dst]") {
  SECTION("New York, March (spring forward on the 8th)") {
    const Strings walls = occurrences("FREQ=DAILY;COUNT=4", "20260306T090000", kNewYork, 10);
    CHECK(walls ==
          Strings{"20260306T090000", "20260307T090000", "20260308T090000", "20260309T090000"});
    CHECK(utc(walls, kNewYork) == Strings{"2026-03-06T14:00:00Z", "2026-03-07T14:00:00Z",
                                          "2026-03-08T13:00:00Z", "2026-03-09T13:00:00Z"});
  }
  SECTION("New York, November (fall back on the 1st)") {
    const Strings walls = occurrences("FREQ=DAILY;COUNT=4", "20261030T090000", kNewYork, 10);
    CHECK(walls ==
          Strings{"20261030T090000", "20261031T090000", "20261101T090000", "20261102T090000"});
    CHECK(utc(walls, kNewYork) == Strings{"2026-10-30T13:00:00Z", "2026-10-31T13:00:00Z",
                                          "2026-11-01T14:00:00Z", "2026-11-02T14:00:00Z"});
  }
  SECTION("London, March (the 29th) and October (the 25th)") {
    const Strings march = occurrences("FREQ=DAILY;COUNT=4", "20260327T090000", kLondon, 10);
    CHECK(march ==
          Strings{"20260327T090000", "20260328T090000", "20260329T090000", "20260330T090000"});
    CHECK(utc(march, kLondon) == Strings{"2026-03-27T09:00:00Z", "2026-03-28T09:00:00Z",
                                         "2026-03-29T08:00:00Z", "2026-03-30T08:00:00Z"});
    const Strings october = occurrences("FREQ=DAILY;COUNT=4", "20261023T090000", kLondon, 10);
    CHECK(october ==
          Strings{"20261023T090000", "20261024T090000", "20261025T090000", "20261026T090000"});
    CHECK(utc(october, kLondon) == Strings{"2026-10-23T08:00:00Z", "2026-10-24T08:00:00Z",
                                           "2026-10-25T09:00:00Z", "2026-10-26T09:00:00Z"});
  }
}

TEST_CASE("wall times in a DST gap or overlap keep the rule's time", "[recurrence][dst]") {
  SECTION("02:30 on the spring-forward day does not exist: to_utc moves it an hour on") {
    const Strings walls = occurrences("FREQ=DAILY;COUNT=3", "20260307T023000", kNewYork, 10);
    CHECK(walls == Strings{"20260307T023000", "20260308T023000", "20260309T023000"});
    CHECK(utc(walls, kNewYork) ==
          Strings{"2026-03-07T07:30:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z"});
  }
  SECTION("01:30 on the fall-back day exists twice: to_utc takes the first") {
    const Strings walls = occurrences("FREQ=DAILY;COUNT=3", "20261031T013000", kNewYork, 10);
    CHECK(walls == Strings{"20261031T013000", "20261101T013000", "20261102T013000"});
    CHECK(utc(walls, kNewYork) ==
          Strings{"2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"});
  }
  SECTION("HOURLY steps the wall clock: 02:00 and 03:00 are the same instant that night") {
    const Strings walls = occurrences("FREQ=HOURLY;COUNT=4", "20260308T000000", kNewYork, 10);
    CHECK(walls ==
          Strings{"20260308T000000", "20260308T010000", "20260308T020000", "20260308T030000"});
    CHECK(utc(walls, kNewYork) == Strings{"2026-03-08T05:00:00Z", "2026-03-08T06:00:00Z",
                                          "2026-03-08T07:00:00Z", "2026-03-08T07:00:00Z"});
  }
}

TEST_CASE("UNTIL: UTC date-times bound instants, dates bound local dates", "[recurrence][until]") {
  // 09:00 EDT on 10 March is 13:00Z.
  CHECK(occurrences("FREQ=DAILY;UNTIL=20260310T130000Z", "20260306T090000", kNewYork, 10).back() ==
        "20260310T090000");
  CHECK(occurrences("FREQ=DAILY;UNTIL=20260310T120000Z", "20260306T090000", kNewYork, 10).back() ==
        "20260309T090000");
  // Floating: UNTIL's wall time is read as local, so 09:00 <= 12:00 on the 10th.
  CHECK(occurrences("FREQ=DAILY;UNTIL=20260310T120000Z", "20260306T090000", std::nullopt, 10)
            .back() == "20260310T090000");
  // A DATE UNTIL includes the whole local day, even when that is the next day in UTC.
  CHECK(occurrences("FREQ=DAILY;UNTIL=20260310", "20260306T230000", kNewYork, 10) ==
        Strings{"20260306T230000", "20260307T230000", "20260308T230000", "20260309T230000",
                "20260310T230000"});
  // A date-only series with a UTC UNTIL: each day counts as 00:00 local.
  CHECK(occurrences("FREQ=DAILY;UNTIL=20260310T050000Z", "20260308", kNewYork, 10) ==
        Strings{"20260308", "20260309", "20260310"});
  CHECK(occurrences("FREQ=DAILY;UNTIL=20260310T035959Z", "20260308", kNewYork, 10) ==
        Strings{"20260308", "20260309"});
  // A DTSTART past UNTIL leaves nothing.
  CHECK(occurrences("FREQ=DAILY;UNTIL=20260101", "20260301T090000", kNewYork, 10).empty());
}

TEST_CASE("leap years: invalid dates are skipped, BYMONTHDAY=-1 finds the end of February",
          "[recurrence][calendar]") {
  CHECK(occurrences("FREQ=YEARLY", "20240229", kNewYork, 3) ==
        Strings{"20240229", "20280229", "20320229"});
  CHECK(occurrences("FREQ=YEARLY", "20240229T090000", kNewYork, 3) ==
        Strings{"20240229T090000", "20280229T090000", "20320229T090000"});
  CHECK(occurrences("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "20230228", kNewYork, 6) ==
        Strings{"20230228", "20240229", "20250228", "20260228", "20270228", "20280229"});
  CHECK(occurrences("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "20240229", kNewYork, 3) ==
        Strings{"20240229", "20280229", "20320229"});
}

TEST_CASE("month ends: the 31st skips short months, BYMONTHDAY=-1 is every last day",
          "[recurrence][calendar]") {
  CHECK(
      occurrences("FREQ=MONTHLY", "20260131", kNewYork, 7) ==
      Strings{"20260131", "20260331", "20260531", "20260731", "20260831", "20261031", "20261231"});
  CHECK(occurrences("FREQ=MONTHLY;BYMONTHDAY=29", "20260129", kNewYork, 3) ==
        Strings{"20260129", "20260329", "20260429"});
  CHECK(occurrences("FREQ=MONTHLY;BYMONTHDAY=-1", "20240131T180000", kNewYork, 12) ==
        Strings{"20240131T180000", "20240229T180000", "20240331T180000", "20240430T180000",
                "20240531T180000", "20240630T180000", "20240731T180000", "20240831T180000",
                "20240930T180000", "20241031T180000", "20241130T180000", "20241231T180000"});
  // Every 11 months on the 31st: only the months that have one.
  CHECK(occurrences("FREQ=MONTHLY;INTERVAL=11;BYMONTHDAY=31", "20260131", kNewYork, 4) ==
        Strings{"20260131", "20261231", "20281031", "20300831"});
}

TEST_CASE("date-only anchors give date-only occurrences", "[recurrence][date-only]") {
  const auto days = expand("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4", Anchor{on(2026, 3, 2), kNewYork}, 10);
  CHECK(compact(days) == Strings{"20260302", "20260304", "20260309", "20260311"});
  for (const auto& day : days) CHECK(day.date_only());
  // Rules that need a clock run from 00:00, and each day is reported once (COUNT counts days).
  CHECK(occurrences("FREQ=HOURLY;COUNT=3", "20260302", kNewYork, 10) ==
        Strings{"20260302", "20260303", "20260304"});
  CHECK(occurrences("FREQ=DAILY;BYHOUR=9,17;COUNT=3", "20260302", kNewYork, 10) ==
        Strings{"20260302", "20260303", "20260304"});
  CHECK(occurrences("FREQ=HOURLY;INTERVAL=36;COUNT=4", "20260302", kNewYork, 10) ==
        Strings{"20260302", "20260303", "20260305", "20260306"});
}

TEST_CASE("timed anchors always give timed occurrences, and floating anchors work",
          "[recurrence][floating]") {
  const auto times =
      expand("FREQ=WEEKLY;BYDAY=TU,TH", Anchor{at(2026, 3, 3, 7, 45), std::nullopt}, 4);
  CHECK(compact(times) ==
        Strings{"20260303T074500", "20260305T074500", "20260310T074500", "20260312T074500"});
  for (const auto& time : times) CHECK_FALSE(time.date_only());
  // Floating and zoned anchors expand to the same wall times.
  CHECK(occurrences("FREQ=MONTHLY;BYDAY=-1FR", "20260327T170000", std::nullopt, 5) ==
        occurrences("FREQ=MONTHLY;BYDAY=-1FR", "20260327T170000", kLondon, 5));
}

TEST_CASE("DTSTART is the first occurrence and counts toward COUNT even when it does not match",
          "[recurrence][dtstart]") {
  // 2026-03-04 is a Wednesday; libical alone would give 9, 16 and 23 March.
  CHECK(occurrences("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "20260304T090000", kNewYork, 10) ==
        Strings{"20260304T090000", "20260309T090000", "20260316T090000"});
  CHECK(occurrences("FREQ=DAILY;COUNT=1", "20260304T090000", kNewYork, 10) ==
        Strings{"20260304T090000"});
}

TEST_CASE("after: only later occurrences are returned, skipped ones still count",
          "[recurrence][after]") {
  CHECK(occurrences("FREQ=DAILY;COUNT=5", "20260301T090000", kNewYork, 10, "20260303T090000") ==
        Strings{"20260304T090000", "20260305T090000"});
  CHECK(occurrences("FREQ=DAILY;COUNT=5", "20260301T090000", kNewYork, 10, "20260303T085959") ==
        Strings{"20260303T090000", "20260304T090000", "20260305T090000"});
  // A date-only `after` stands for the whole day.
  CHECK(occurrences("FREQ=DAILY;COUNT=5", "20260301T090000", kNewYork, 10, "20260303") ==
        Strings{"20260304T090000", "20260305T090000"});
  // Date-only occurrences compare dates only.
  CHECK(occurrences("FREQ=DAILY;COUNT=5", "20260301", kNewYork, 10, "20260303T120000") ==
        Strings{"20260304", "20260305"});
  CHECK(occurrences("FREQ=DAILY;COUNT=5", "20260301", kNewYork, 10, "20300101").empty());
  CHECK(occurrences("FREQ=WEEKLY", "20260302T090000", kNewYork, 2, "20270101") ==
        Strings{"20270104T090000", "20270111T090000"});
}

TEST_CASE("limit bounds the result", "[recurrence][limit]") {
  CHECK(occurrences("FREQ=DAILY", "20260301T090000", kNewYork, 0).empty());
  CHECK(occurrences("FREQ=DAILY", "20260301T090000", kNewYork, 2) ==
        Strings{"20260301T090000", "20260302T090000"});
  CHECK(occurrences("FREQ=DAILY;COUNT=3", "20260301T090000", kNewYork, 1000).size() == 3);
}

TEST_CASE("the rule is normalized inside", "[recurrence][normalize]") {
  CHECK(occurrences(" rrule:freq=weekly;byday=fr;count=2; ", "20260306T090000", kNewYork, 10) ==
        Strings{"20260306T090000", "20260313T090000"});
}

TEST_CASE("malformed rules, impossible anchors and unknown zones throw invalid_argument",
          "[recurrence][errors]") {
  const Anchor anchor{at(2026, 3, 1, 9, 0), kNewYork};
  CHECK_THROWS_AS(expand("FREQ=SOMETIMES", anchor, 10), std::invalid_argument);
  CHECK_THROWS_WITH(expand("FREQ=SOMETIMES", anchor, 10), Catch::Contains("FREQ must be one of"));
  CHECK_THROWS_WITH(expand("", anchor, 0), Catch::Contains("the rule is empty"));
  CHECK_THROWS_WITH(expand("FREQ=DAILY;COUNT=2;UNTIL=20260101", anchor, 10),
                    Catch::Contains("COUNT and UNTIL cannot both be set"));
  CHECK_THROWS_WITH(expand("FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1", anchor, 10),
                    Catch::Contains("BYSETPOS is only supported"));
  CHECK_THROWS_WITH(expand("FREQ=DAILY", Anchor{at(2026, 3, 1, 9, 0), "Mars/Olympus"}, 10),
                    Catch::Contains("unknown time zone"));
  CHECK_THROWS_WITH(expand("FREQ=DAILY", Anchor{on(2026, 2, 30), kNewYork}, 10),
                    Catch::Contains("not a valid date"));
}

TEST_CASE("rules that match rarely or never stop quickly at the horizon", "[recurrence][horizon]") {
  for (const char* rule : {
           "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
           "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
           "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31",
           "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=-30",
           "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31;BYDAY=MO",
           "FREQ=YEARLY;INTERVAL=32767;BYMONTH=2;BYMONTHDAY=29",
           "FREQ=SECONDLY;BYMONTH=1",
           "FREQ=MINUTELY;BYMONTH=1",
           // One rule, written on two lines.
           // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
           "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;"
           "BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,55;BYSECOND=0,30;BYMONTH=1",
       }) {
    INFO(rule);
    const auto begin = std::chrono::steady_clock::now();
    CHECK(occurrences(rule, "20260201T090000", kNewYork, 10) == Strings{"20260201T090000"});
    CHECK(std::chrono::steady_clock::now() - begin < std::chrono::seconds(2));
  }
  // A daily rule is followed for 200 years, then the search stops with what it found.
  const Strings yearly = occurrences("FREQ=YEARLY", "20260101T090000", kNewYork, 1000);
  CHECK(yearly.size() == 201);
  CHECK(yearly.back() == "22260101T090000");
  CHECK(occurrences("FREQ=DAILY", "20260101T090000", kNewYork, 5, "23000101").empty());
}

TEST_CASE("expand gives the same answers from many threads at once", "[recurrence][threads]") {
  const auto expected = occurrences("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=24",
                                    "20260130T090000", kNewYork, 100);
  REQUIRE(expected.size() == 24);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (occurrences("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=24", "20260130T090000",
                        kNewYork, 100) != expected) {
          ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
}
