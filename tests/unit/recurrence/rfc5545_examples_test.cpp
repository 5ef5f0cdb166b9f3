// Every example of RFC 5545 §3.8.5.3 ("Recurrence Rule"), with the dates the RFC lists. They are
// anchored in America/New_York, so the UTC UNTIL values are compared with EDT/EST instants.
#include <catch2/catch.hpp>

#include "recurrence/expansion.hpp"
#include "recurrence_test_helpers.hpp"

using recurrence_test::Expected;
using recurrence_test::occurrences;

namespace {

const std::string kNewYork = "America/New_York";

// The whole set for bounded rules; the first `limit` occurrences of unbounded ones.
std::vector<std::string> rfc(const std::string& rule, const std::string& dtstart,
                             std::size_t limit = 1000) {
  return occurrences(rule, dtstart, kNewYork, limit);
}

}  // namespace

TEST_CASE("RFC 5545: daily rules", "[recurrence][rfc5545]") {
  SECTION("daily for 10 occurrences") {
    CHECK(rfc("FREQ=DAILY;COUNT=10", "19970902T090000") == Expected().range(1997, 9, 2, 11).list());
  }
  SECTION("daily until December 24, 1997") {
    const auto expected = Expected()
                              .range(1997, 9, 2, 30)
                              .range(1997, 10, 1, 31)
                              .range(1997, 11, 1, 30)
                              .range(1997, 12, 1, 23)
                              .list();
    CHECK(rfc("FREQ=DAILY;UNTIL=19971224T000000Z", "19970902T090000") == expected);
  }
  SECTION("every other day, forever") {
    const auto expected = Expected()
                              .range(1997, 9, 2, 30, 2)
                              .range(1997, 10, 2, 30, 2)
                              .range(1997, 11, 1, 29, 2)
                              .range(1997, 12, 1, 3, 2)
                              .list();
    CHECK(rfc("FREQ=DAILY;INTERVAL=2", "19970902T090000", expected.size()) == expected);
  }
  SECTION("every 10 days, 5 occurrences") {
    CHECK(rfc("FREQ=DAILY;INTERVAL=10;COUNT=5", "19970902T090000") ==
          Expected().on(1997, 9, {2, 12, 22}).on(1997, 10, {2, 12}).list());
  }
  SECTION("every day in January, for 3 years (both spellings)") {
    const auto expected =
        Expected().range(1998, 1, 1, 31).range(1999, 1, 1, 31).range(2000, 1, 1, 31).list();
    // UNTIL 2000-01-31T14:00Z is exactly 09:00 EST on the last day: UNTIL is inclusive.
    CHECK(rfc("FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
              "19980101T090000") == expected);
    CHECK(rfc("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", "19980101T090000") == expected);
  }
}

TEST_CASE("RFC 5545: weekly rules", "[recurrence][rfc5545]") {
  SECTION("weekly for 10 occurrences") {
    CHECK(rfc("FREQ=WEEKLY;COUNT=10", "19970902T090000") == Expected()
                                                                .on(1997, 9, {2, 9, 16, 23, 30})
                                                                .on(1997, 10, {7, 14, 21, 28})
                                                                .on(1997, 11, {4})
                                                                .list());
  }
  SECTION("weekly until December 24, 1997") {
    CHECK(rfc("FREQ=WEEKLY;UNTIL=19971224T000000Z", "19970902T090000") ==
          Expected()
              .on(1997, 9, {2, 9, 16, 23, 30})
              .on(1997, 10, {7, 14, 21, 28})
              .on(1997, 11, {4, 11, 18, 25})
              .on(1997, 12, {2, 9, 16, 23})
              .list());
  }
  SECTION("every other week, forever") {
    const auto expected = Expected()
                              .on(1997, 9, {2, 16, 30})
                              .on(1997, 10, {14, 28})
                              .on(1997, 11, {11, 25})
                              .on(1997, 12, {9, 23})
                              .on(1998, 1, {6, 20})
                              .on(1998, 2, {3, 17})
                              .list();
    CHECK(rfc("FREQ=WEEKLY;INTERVAL=2;WKST=SU", "19970902T090000", expected.size()) == expected);
  }
  SECTION("weekly on Tuesday and Thursday for five weeks (both spellings)") {
    const auto expected =
        Expected().on(1997, 9, {2, 4, 9, 11, 16, 18, 23, 25, 30}).on(1997, 10, {2}).list();
    CHECK(rfc("FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", "19970902T090000") ==
          expected);
    CHECK(rfc("FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", "19970902T090000") == expected);
  }
  SECTION("every other week on Monday, Wednesday and Friday until December 24, 1997") {
    CHECK(rfc("FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
              "19970901T090000") == Expected()
                                        .on(1997, 9, {1, 3, 5, 15, 17, 19, 29})
                                        .on(1997, 10, {1, 3, 13, 15, 17, 27, 29, 31})
                                        .on(1997, 11, {10, 12, 14, 24, 26, 28})
                                        .on(1997, 12, {8, 10, 12, 22})
                                        .list());
  }
  SECTION("every other week on Tuesday and Thursday, for 8 occurrences") {
    CHECK(rfc("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "19970902T090000") ==
          Expected().on(1997, 9, {2, 4, 16, 18, 30}).on(1997, 10, {2, 14, 16}).list());
  }
  SECTION("WKST changes which days an every-other-week rule generates") {
    CHECK(rfc("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "19970805T090000") ==
          Expected().on(1997, 8, {5, 10, 19, 24}).list());
    CHECK(rfc("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "19970805T090000") ==
          Expected().on(1997, 8, {5, 17, 19, 31}).list());
  }
}

TEST_CASE("RFC 5545: monthly rules", "[recurrence][rfc5545]") {
  SECTION("monthly on the first Friday for 10 occurrences") {
    CHECK(rfc("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "19970905T090000") == Expected()
                                                                           .on(1997, 9, {5})
                                                                           .on(1997, 10, {3})
                                                                           .on(1997, 11, {7})
                                                                           .on(1997, 12, {5})
                                                                           .on(1998, 1, {2})
                                                                           .on(1998, 2, {6})
                                                                           .on(1998, 3, {6})
                                                                           .on(1998, 4, {3})
                                                                           .on(1998, 5, {1})
                                                                           .on(1998, 6, {5})
                                                                           .list());
  }
  SECTION("monthly on the first Friday until December 24, 1997") {
    CHECK(rfc("FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "19970905T090000") ==
          Expected().on(1997, 9, {5}).on(1997, 10, {3}).on(1997, 11, {7}).on(1997, 12, {5}).list());
  }
  SECTION("every other month on the first and last Sunday for 10 occurrences") {
    CHECK(rfc("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "19970907T090000") ==
          Expected()
              .on(1997, 9, {7, 28})
              .on(1997, 11, {2, 30})
              .on(1998, 1, {4, 25})
              .on(1998, 3, {1, 29})
              .on(1998, 5, {3, 31})
              .list());
  }
  SECTION("monthly on the second-to-last Monday for 6 months") {
    CHECK(rfc("FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "19970922T090000") == Expected()
                                                                           .on(1997, 9, {22})
                                                                           .on(1997, 10, {20})
                                                                           .on(1997, 11, {17})
                                                                           .on(1997, 12, {22})
                                                                           .on(1998, 1, {19})
                                                                           .on(1998, 2, {16})
                                                                           .list());
  }
  SECTION("monthly on the third-to-the-last day, forever") {
    const auto expected = Expected()
                              .on(1997, 9, {28})
                              .on(1997, 10, {29})
                              .on(1997, 11, {28})
                              .on(1997, 12, {29})
                              .on(1998, 1, {29})
                              .on(1998, 2, {26})
                              .list();
    CHECK(rfc("FREQ=MONTHLY;BYMONTHDAY=-3", "19970928T090000", expected.size()) == expected);
  }
  SECTION("monthly on the 2nd and 15th for 10 occurrences") {
    CHECK(rfc("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "19970902T090000") ==
          Expected()
              .on(1997, 9, {2, 15})
              .on(1997, 10, {2, 15})
              .on(1997, 11, {2, 15})
              .on(1997, 12, {2, 15})
              .on(1998, 1, {2, 15})
              .list());
  }
  SECTION("monthly on the first and last day for 10 occurrences") {
    CHECK(rfc("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "19970930T090000") ==
          Expected()
              .on(1997, 9, {30})
              .on(1997, 10, {1, 31})
              .on(1997, 11, {1, 30})
              .on(1997, 12, {1, 31})
              .on(1998, 1, {1, 31})
              .on(1998, 2, {1})
              .list());
  }
  SECTION("every 18 months on the 10th to the 15th for 10 occurrences") {
    CHECK(
        rfc("FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", "19970910T090000") ==
        Expected().range(1997, 9, 10, 15).range(1999, 3, 10, 13).list());
  }
  SECTION("every Tuesday, every other month") {
    const auto expected = Expected()
                              .on(1997, 9, {2, 9, 16, 23, 30})
                              .on(1997, 11, {4, 11, 18, 25})
                              .on(1998, 1, {6, 13, 20, 27})
                              .on(1998, 3, {3, 10, 17, 24, 31})
                              .list();
    CHECK(rfc("FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "19970902T090000", expected.size()) == expected);
  }
  SECTION("every Friday the 13th, forever (DTSTART excluded by EXDATE)") {
    // The RFC anchors this rule at 1997-09-02, which is not a Friday the 13th, and removes it
    // with EXDATE: DTSTART is always the first instance of the set, matched or not.
    const auto got = rfc("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "19970902T090000", 6);
    REQUIRE(got.size() == 6);
    CHECK(got.front() == "19970902T090000");
    CHECK(std::vector<std::string>(got.begin() + 1, got.end()) == Expected()
                                                                      .on(1998, 2, {13})
                                                                      .on(1998, 3, {13})
                                                                      .on(1998, 11, {13})
                                                                      .on(1999, 8, {13})
                                                                      .on(2000, 10, {13})
                                                                      .list());
  }
  SECTION("the first Saturday that follows the first Sunday of the month, forever") {
    const auto expected = Expected()
                              .on(1997, 9, {13})
                              .on(1997, 10, {11})
                              .on(1997, 11, {8})
                              .on(1997, 12, {13})
                              .on(1998, 1, {10})
                              .on(1998, 2, {7})
                              .on(1998, 3, {7})
                              .on(1998, 4, {11})
                              .on(1998, 5, {9})
                              .on(1998, 6, {13})
                              .list();
    CHECK(rfc("FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "19970913T090000",
              expected.size()) == expected);
  }
  SECTION("the third instance of Tuesday, Wednesday or Thursday, for the next 3 months") {
    CHECK(rfc("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "19970904T090000") ==
          Expected().on(1997, 9, {4}).on(1997, 10, {7}).on(1997, 11, {6}).list());
  }
  SECTION("the second-to-last weekday of the month") {
    const auto expected = Expected()
                              .on(1997, 9, {29})
                              .on(1997, 10, {30})
                              .on(1997, 11, {27})
                              .on(1997, 12, {30})
                              .on(1998, 1, {29})
                              .on(1998, 2, {26})
                              .on(1998, 3, {30})
                              .list();
    CHECK(rfc("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "19970929T090000",
              expected.size()) == expected);
  }
  SECTION("an invalid date (February 30) is ignored") {
    CHECK(rfc("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "20070115T090000") ==
          Expected().on(2007, 1, {15, 30}).on(2007, 2, {15}).on(2007, 3, {15, 30}).list());
  }
}

TEST_CASE("RFC 5545: yearly rules", "[recurrence][rfc5545]") {
  SECTION("yearly in June and July for 10 occurrences") {
    Expected expected;
    for (int year = 1997; year <= 2001; ++year) expected.on(year, 6, {10}).on(year, 7, {10});
    CHECK(rfc("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "19970610T090000") == expected.list());
  }
  SECTION("every other year on January, February and March for 10 occurrences") {
    Expected expected;
    expected.on(1997, 3, {10});
    for (int year : {1999, 2001, 2003}) {
      expected.on(year, 1, {10}).on(year, 2, {10}).on(year, 3, {10});
    }
    CHECK(rfc("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "19970310T090000") ==
          expected.list());
  }
  SECTION("every third year on the 1st, 100th and 200th day for 10 occurrences") {
    CHECK(rfc("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", "19970101T090000") ==
          Expected()
              .on(1997, 1, {1})
              .on(1997, 4, {10})
              .on(1997, 7, {19})
              .on(2000, 1, {1})
              .on(2000, 4, {9})
              .on(2000, 7, {18})
              .on(2003, 1, {1})
              .on(2003, 4, {10})
              .on(2003, 7, {19})
              .on(2006, 1, {1})
              .list());
  }
  SECTION("every 20th Monday of the year, forever") {
    CHECK(rfc("FREQ=YEARLY;BYDAY=20MO", "19970519T090000", 3) ==
          Expected().on(1997, 5, {19}).on(1998, 5, {18}).on(1999, 5, {17}).list());
  }
  SECTION("Monday of week number 20, forever") {
    CHECK(rfc("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "19970512T090000", 3) ==
          Expected().on(1997, 5, {12}).on(1998, 5, {11}).on(1999, 5, {17}).list());
  }
  SECTION("every Thursday in March, forever") {
    const auto expected = Expected()
                              .on(1997, 3, {13, 20, 27})
                              .on(1998, 3, {5, 12, 19, 26})
                              .on(1999, 3, {4, 11, 18, 25})
                              .list();
    CHECK(rfc("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "19970313T090000", expected.size()) == expected);
  }
  SECTION("every Thursday, but only during June, July and August, forever") {
    const auto expected = Expected()
                              .on(1997, 6, {5, 12, 19, 26})
                              .on(1997, 7, {3, 10, 17, 24, 31})
                              .on(1997, 8, {7, 14, 21, 28})
                              .on(1998, 6, {4, 11, 18, 25})
                              .on(1998, 7, {2, 9, 16, 23, 30})
                              .on(1998, 8, {6, 13, 20, 27})
                              .on(1999, 6, {3, 10, 17, 24})
                              .on(1999, 7, {1, 8, 15, 22, 29})
                              .on(1999, 8, {5, 12, 19, 26})
                              .list();
    CHECK(rfc("FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "19970605T090000", expected.size()) ==
          expected);
  }
  SECTION("every 4 years, the first Tuesday after a Monday in November (election day)") {
    CHECK(rfc("FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
              "19961105T090000",
              3) == Expected().on(1996, 11, {5}).on(2000, 11, {7}).on(2004, 11, {2}).list());
  }
}

TEST_CASE("RFC 5545: hourly and minutely rules", "[recurrence][rfc5545]") {
  SECTION("every 3 hours from 9:00 to 17:00 on a specific day") {
    // The RFC lists 09:00, 12:00 and 15:00 EDT, but its UNTIL is 17:00 UTC, i.e. 13:00 EDT, and
    // RFC 5545 §3.3.10 says a UTC UNTIL bounds the instants: 15:00 EDT (19:00Z) is past it. The
    // listed result is what a 21:00Z (17:00 EDT) UNTIL gives; libical, which compares UNTIL's
    // fields with the floating wall time, returns the listed three. We follow the normative text.
    CHECK(rfc("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", "19970902T090000") ==
          std::vector<std::string>{"19970902T090000", "19970902T120000"});
    CHECK(rfc("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z", "19970902T090000") ==
          std::vector<std::string>{"19970902T090000", "19970902T120000", "19970902T150000"});
  }
  SECTION("every 15 minutes for 6 occurrences") {
    CHECK(rfc("FREQ=MINUTELY;INTERVAL=15;COUNT=6", "19970902T090000") ==
          std::vector<std::string>{"19970902T090000", "19970902T091500", "19970902T093000",
                                   "19970902T094500", "19970902T100000", "19970902T101500"});
  }
  SECTION("every hour and a half for 4 occurrences") {
    CHECK(rfc("FREQ=MINUTELY;INTERVAL=90;COUNT=4", "19970902T090000") ==
          std::vector<std::string>{"19970902T090000", "19970902T103000", "19970902T120000",
                                   "19970902T133000"});
  }
  SECTION("every 20 minutes from 9:00 to 16:40 every day (both spellings)") {
    std::vector<std::string> expected;
    for (const char* day : {"19970902", "19970903"}) {
      for (int hour = 9; hour <= 16; ++hour) {
        for (int minute : {0, 20, 40}) {
          char buffer[32];
          std::snprintf(buffer, sizeof buffer, "%sT%02d%02d00", day, hour, minute);
          expected.emplace_back(buffer);
        }
      }
    }
    CHECK(rfc("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", "19970902T090000",
              expected.size()) == expected);
    CHECK(rfc("FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", "19970902T090000",
              expected.size()) == expected);
  }
}
