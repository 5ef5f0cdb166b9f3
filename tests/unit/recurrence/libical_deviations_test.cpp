// Where libical 3.0 on its own departs from RFC 5545, and what expand() gives instead. Each case
// shows libical's raw answer next to ours, so a libical upgrade that fixes (or changes) one of
// them shows up here. The workarounds live in occurrence_walk.cpp and pattern_plan.hpp.
#include <libical/ical.h>

#include <catch2/catch.hpp>

#include "recurrence/expansion.hpp"
#include "recurrence/libical_guard.hpp"
#include "recurrence/rrule_validation.hpp"
#include "recurrence_test_helpers.hpp"

using recurrence_test::occurrences;
using Strings = std::vector<std::string>;

namespace {

// libical's own expansion, floating, first `limit` occurrences ("19970902T090000").
Strings raw_libical(const std::string& rule, const std::string& dtstart, int limit) {
  todo::recurrence::make_libical_quiet();
  const icalrecurrencetype recurrence = icalrecurrencetype_from_string(rule.c_str());
  icalrecur_iterator* iterator =
      icalrecur_iterator_new(recurrence, icaltime_from_string(dtstart.c_str()));
  Strings found;
  for (int i = 0; iterator != nullptr && i < limit; ++i) {
    const icaltimetype next = icalrecur_iterator_next(iterator);
    if (icaltime_is_null_time(next)) break;
    found.push_back(icaltime_as_ical_string(next));
  }
  if (iterator != nullptr) icalrecur_iterator_free(iterator);
  icalerror_clear_errno();
  return found;
}

Strings ours(const std::string& rule, const std::string& dtstart, std::size_t limit) {
  return occurrences(rule, dtstart, std::nullopt, limit);
}

}  // namespace

TEST_CASE("libical drops a DTSTART that does not match and does not count it",
          "[recurrence][libical-deviation]") {
  const std::string rule = "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3";
  CHECK(raw_libical(rule, "19970902T090000", 5) ==
        Strings{"19980213T090000", "19980313T090000", "19981113T090000"});
  CHECK(ours(rule, "19970902T090000", 5) ==
        Strings{"19970902T090000", "19980213T090000", "19980313T090000"});
}

TEST_CASE("libical compares a UTC UNTIL with floating wall times",
          "[recurrence][libical-deviation]") {
  const std::string rule = "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z";
  CHECK(raw_libical(rule, "19970902T090000", 5) ==
        Strings{"19970902T090000", "19970902T120000", "19970902T150000"});
  CHECK(occurrences(rule, "19970902T090000", "America/New_York", 5) ==
        Strings{"19970902T090000", "19970902T120000"});  // 15:00 EDT is 19:00Z
}

TEST_CASE("libical gets BYWEEKNO wrong at the edges of the year",
          "[recurrence][libical-deviation]") {
  SECTION("week 1: a Tuesday, out of order") {
    const std::string rule = "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO";
    CHECK(raw_libical(rule, "20250601T090000", 2) == Strings{"20251230T090000", "20251229T090000"});
    CHECK(ours(rule, "20250601T090000", 5) == Strings{"20250601T090000", "20251229T090000",
                                                      "20270104T090000", "20280103T090000",
                                                      "20290101T090000"});
  }
  SECTION("the last week: Fridays missing in 2027 and 2028") {
    const std::string rule = "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=FR";
    CHECK(raw_libical(rule, "20250601T090000", 3) ==
          Strings{"20251226T090000", "20270101T090000", "20291228T090000"});
    CHECK(ours(rule, "20250601T090000", 6) == Strings{"20250601T090000", "20251226T090000",
                                                      "20270101T090000", "20271231T090000",
                                                      "20281229T090000", "20291228T090000"});
  }
  SECTION("week 53 only in years that have one") {
    // 2026 and 2032 have 53 ISO weeks; 2025 and 2031 do not.
    CHECK(ours("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "20250601T090000", 3) ==
          Strings{"20250601T090000", "20261228T090000", "20321227T090000"});
  }
  SECTION("no BYDAY: libical picks a Tuesday, the RFC takes DTSTART's weekday (Thursday)") {
    CHECK(raw_libical("FREQ=YEARLY;BYWEEKNO=20", "20260101T090000", 1) ==
          Strings{"20260512T090000"});
    CHECK(ours("FREQ=YEARLY;BYWEEKNO=20", "20260101T090000", 3) ==
          Strings{"20260101T090000", "20260514T090000", "20270520T090000"});
  }
  SECTION("WKST sets the week numbering") {
    // With weeks starting on Sunday, week 1 of 2026 is 4-10 January.
    CHECK(ours("FREQ=YEARLY;BYWEEKNO=1;BYDAY=SU,SA;WKST=SU", "20260101T090000", 3) ==
          Strings{"20260101T090000", "20260104T090000", "20260110T090000"});
  }
}

TEST_CASE("libical counts a day twice for BYSETPOS when two BY values name it",
          "[recurrence][libical-deviation]") {
  // BYMONTHDAY=29,-3 is the 29th twice in 31-day months; the last of the set is still the 29th.
  const std::string rule = "FREQ=MONTHLY;BYMONTHDAY=29,-3;BYSETPOS=-1";
  CHECK(raw_libical(rule, "20280829T090000", 2) == Strings{"20280929T090000", "20281129T090000"});
  CHECK(ours(rule, "20280829T090000", 8) ==
        Strings{"20280829T090000", "20280929T090000", "20281029T090000", "20281129T090000",
                "20281229T090000", "20290129T090000", "20290226T090000", "20290329T090000"});
}

TEST_CASE("BYSETPOS sees the whole first period, also before DTSTART",
          "[recurrence][libical-deviation]") {
  // The second weekday of March 2026 is Tuesday the 3rd, before DTSTART: March gives nothing more.
  CHECK(ours("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=2", "20260310T090000", 3) ==
        Strings{"20260310T090000", "20260402T090000", "20260504T090000"});
  // Without a day part the day comes from DTSTART.
  CHECK(ours("FREQ=YEARLY;BYMONTH=3,9;BYSETPOS=-1", "20260310T090000", 3) ==
        Strings{"20260310T090000", "20260910T090000", "20270910T090000"});
}

TEST_CASE("libical never matches negative BYMONTHDAY with FREQ=DAILY or finer",
          "[recurrence][libical-deviation]") {
  CHECK(
      raw_libical("FREQ=DAILY;BYMONTHDAY=-1;UNTIL=20260401T000000Z", "20260115T090000", 5).empty());
  CHECK(ours("FREQ=DAILY;BYMONTHDAY=-1;UNTIL=20260401T000000Z", "20260115T090000", 5) ==
        Strings{"20260115T090000", "20260131T090000", "20260228T090000", "20260331T090000"});
  CHECK(ours("FREQ=HOURLY;INTERVAL=12;BYMONTHDAY=-1", "20260130T130000", 4) ==
        Strings{"20260130T130000", "20260131T010000", "20260131T130000", "20260228T010000"});
}

TEST_CASE("libical aligns every-other-week rules wrongly when WKST is not Monday",
          "[recurrence][libical-deviation]") {
  // 2026-03-06 is a Friday; with WKST=WE its week runs Wednesday 4 to Tuesday 10 March.
  const std::string rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=WE";
  CHECK(raw_libical(rule, "20260306T090000", 2) == Strings{"20260316T090000", "20260330T090000"});
  CHECK(ours(rule, "20260306T090000", 4) ==
        Strings{"20260306T090000", "20260309T090000", "20260323T090000", "20260406T090000"});
}

TEST_CASE("libical walks BY lists in the order written", "[recurrence][libical-deviation]") {
  CHECK(raw_libical("FREQ=DAILY;BYHOUR=17,9", "20260302T000000", 2) ==
        Strings{"20260302T170000", "20260302T090000"});
  CHECK(ours("FREQ=DAILY;BYHOUR=17,9", "20260302T000000", 4) ==
        Strings{"20260302T000000", "20260302T090000", "20260302T170000", "20260303T090000"});
}

TEST_CASE("a yearly rule with BYMONTHDAY without BYMONTH means every month",
          "[recurrence][libical-deviation]") {
  // libical only looks in DTSTART's month; RFC 5545's expansion (and python-dateutil) do not.
  CHECK(raw_libical("FREQ=YEARLY;BYMONTHDAY=1", "20260115T090000", 2) ==
        Strings{"20270101T090000", "20280101T090000"});
  CHECK(ours("FREQ=YEARLY;BYMONTHDAY=1", "20260115T090000", 3) ==
        Strings{"20260115T090000", "20260201T090000", "20260301T090000"});
  // With BYDAY the ordinals count in the year: the 10th Friday of 2026 is 6 March.
  CHECK(ours("FREQ=YEARLY;BYDAY=10FR;BYMONTHDAY=1,2,3,4,5,6,7", "20260101T090000", 3) ==
        Strings{"20260101T090000", "20260306T090000", "20270305T090000"});
}

TEST_CASE("what libical cannot expand is refused by validation",
          "[recurrence][libical-deviation]") {
  // BYSETPOS is ignored outside MONTHLY/YEARLY, and never applied to times.
  CHECK(raw_libical("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1", "20260302T090000", 3) ==
        Strings{"20260302T090000", "20260304T090000", "20260306T090000"});
  CHECK(raw_libical("FREQ=MONTHLY;BYDAY=MO;BYHOUR=9,17;BYSETPOS=-1", "20260301T090000", 2) ==
        Strings{"20260330T090000", "20260330T170000"});
  // BYYEARDAY with BYMONTH: libical gives up (no iterator).
  CHECK(raw_libical("FREQ=YEARLY;BYYEARDAY=1;BYMONTH=1", "20260101T090000", 3).empty());
  using todo::recurrence::validate_rrule;
  CHECK_THAT(validate_rrule("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1").value_or(""),
             Catch::Contains("only supported with FREQ=MONTHLY or FREQ=YEARLY"));
  CHECK_THAT(validate_rrule("FREQ=MONTHLY;BYDAY=MO;BYHOUR=9,17;BYSETPOS=-1").value_or(""),
             Catch::Contains("cannot be combined with BYHOUR"));
  CHECK_THAT(validate_rrule("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,FR;BYSETPOS=1").value_or(""),
             Catch::Contains("cannot be combined with BYWEEKNO"));
  CHECK_THAT(validate_rrule("FREQ=YEARLY;BYYEARDAY=1;BYMONTH=1").value_or(""),
             Catch::Contains("BYYEARDAY cannot be combined with BYMONTH or BYMONTHDAY"));
  CHECK(validate_rrule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1") == std::nullopt);
  CHECK(validate_rrule("FREQ=YEARLY;BYWEEKNO=20;BYMONTHDAY=15,16,17") == std::nullopt);
}
