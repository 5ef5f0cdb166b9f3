// describe(): short English summaries of rules.
#include "recurrence/summary.hpp"

#include <catch2/catch.hpp>

#include "recurrence/rrule_validation.hpp"

using todo::recurrence::describe;

TEST_CASE("describe: the common rules", "[recurrence][summary]") {
  struct Case {
    const char* rule;
    const char* text;
  };
  const Case cases[] = {
      {"FREQ=DAILY", "every day"},
      {"FREQ=DAILY;INTERVAL=2", "every 2 days"},
      {"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"},
      {"FREQ=DAILY;BYDAY=FR,TH,WE,TU,MO", "every weekday"},
      {"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231",
       "every 2 weeks on Monday and Wednesday, until 31 Dec 2026"},
      {"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR", "every 2 weeks on weekdays"},
      {"FREQ=WEEKLY;BYDAY=FR,MO,WE", "every week on Monday, Wednesday and Friday"},
      {"FREQ=DAILY;BYDAY=SA,SU", "every Saturday and Sunday"},
      {"FREQ=WEEKLY;BYDAY=MO;COUNT=5", "every week on Monday, 5 times"},
      {"FREQ=WEEKLY;COUNT=1", "every week, once"},
      {"FREQ=WEEKLY;COUNT=2", "every week, twice"},
      {"FREQ=MONTHLY;BYMONTHDAY=31", "every month on the 31st"},
      {"FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"},
      {"FREQ=MONTHLY;BYMONTHDAY=-3", "every month on the third-to-last day"},
      {"FREQ=MONTHLY;BYMONTHDAY=1,-1", "every month on the 1st and last day"},
      {"FREQ=MONTHLY;BYMONTHDAY=2,15;COUNT=10", "every month on the 2nd and 15th, 10 times"},
      {"FREQ=MONTHLY;BYMONTHDAY=22,23,11,1,2,3",
       "every month on the 22nd, 23rd, 11th, 1st, 2nd and 3rd"},
      {"FREQ=MONTHLY;BYDAY=2TU", "every month on the second Tuesday"},
      {"FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"},
      {"FREQ=MONTHLY;BYDAY=-2MO", "every month on the second-to-last Monday"},
      {"FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU",
       "every 2 months on the first Sunday and the last Sunday"},
      {"FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "every 2 months on every Tuesday"},
      {"FREQ=YEARLY", "every year"},
      {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "every year on 29 Feb"},
      {"FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1", "every year on 1 Jan and 1 Jul"},
      {"FREQ=YEARLY;BYMONTHDAY=1", "every year on the 1st of each month"},
      {"FREQ=YEARLY;INTERVAL=2;BYMONTH=1,2,3", "every 2 years in January, February and March"},
      {"FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "every year in March on every Thursday"},
      {"FREQ=YEARLY;BYDAY=20MO", "every year on the 20th Monday"},
      {"FREQ=DAILY;BYMONTH=1", "every day in January"},
      {"FREQ=DAILY;UNTIL=20261231T143000Z", "every day, until 31 Dec 2026 14:30 UTC"},
  };
  for (const Case& c : cases) {
    INFO(c.rule);
    CHECK(describe(c.rule) == c.text);
  }
}

TEST_CASE("describe: BYSETPOS, weeks, year days and times", "[recurrence][summary]") {
  struct Case {
    const char* rule;
    const char* text;
  };
  const Case cases[] = {
      {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "every month on the last weekday"},
      {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
       "every month on the second-to-last weekday"},
      {"FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
       "every month on the third Tuesday, Wednesday or Thursday, 3 times"},
      {"FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1", "every month on the first weekend day"},
      {"FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1",
       "every year on the first and last weekday"},
      {"FREQ=MONTHLY;BYMONTHDAY=1,15,-1;BYSETPOS=2",
       "every month on the 1st, 15th and last day, only the second match in each month"},
      {"FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "every year in week 20 on Monday"},
      {"FREQ=YEARLY;BYWEEKNO=-1;BYDAY=FR", "every year in the last week on Friday"},
      {"FREQ=YEARLY;BYWEEKNO=1,2,3,10", "every year in weeks 1 to 3 and 10"},
      {"FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;WKST=SU",
       "every year in week 20 on Monday (weeks start on Sunday)"},
      {"FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
       "every 3 years on days 1, 100 and 200 of the year, 10 times"},
      {"FREQ=YEARLY;BYYEARDAY=-1", "every year on the last day of the year"},
      {"FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "every month on Friday the 13th"},
      {"FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
       "every month on a Saturday between the 7th and the 13th"},
      {"FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
       "every 4 years in November on a Tuesday between the 2nd and the 8th"},
      {"FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1,15",
       "every month on the 1st and 15th if it is a Monday"},
      {"FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
       "every 3 hours, until 2 Sep 1997 17:00 UTC"},
      {"FREQ=MINUTELY;INTERVAL=15;COUNT=6", "every 15 minutes, 6 times"},
      {"FREQ=SECONDLY;INTERVAL=30", "every 30 seconds"},
      {"FREQ=DAILY;BYHOUR=9,17;BYMINUTE=30", "every day at 09:30 and 17:30"},
      {"FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
       "every day at hours 9 to 16, minutes 0, 20 and 40"},
      {"FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
       "every 20 minutes during hours 9 to 16"},
      {"FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
       "every 2 weeks on Tuesday and Sunday (weeks start on Sunday), 4 times"},
  };
  for (const Case& c : cases) {
    INFO(c.rule);
    CHECK(describe(c.rule) == c.text);
  }
}

TEST_CASE("describe never throws for a valid rule", "[recurrence][summary]") {
  const char* const frequencies[] = {"SECONDLY", "MINUTELY", "HOURLY", "DAILY",
                                     "WEEKLY",   "MONTHLY",  "YEARLY"};
  const char* const extras[] = {"",
                                ";INTERVAL=7",
                                ";BYDAY=MO,-1FR",
                                ";BYDAY=SU,SA",
                                ";BYDAY=3WE;BYMONTH=4",
                                ";BYMONTHDAY=-31,31,1",
                                ";BYMONTHDAY=5;BYDAY=FR;BYMONTH=12",
                                ";BYYEARDAY=-366,366",
                                ";BYYEARDAY=1;BYDAY=MO",
                                ";BYWEEKNO=-53,53;BYDAY=SU",
                                ";BYWEEKNO=1;BYMONTH=1;BYMONTHDAY=2;BYYEARDAY=2",
                                ";BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12",
                                ";BYHOUR=0,23;BYMINUTE=0,59;BYSECOND=0,60",
                                ";BYSECOND=1,2,3",
                                ";BYDAY=MO,TU;BYSETPOS=1,-366",
                                ";BYMONTHDAY=1,2;BYSETPOS=-1;COUNT=999999999",
                                ";WKST=SU;UNTIL=99991231T235959Z",
                                ";COUNT=1;WKST=TU"};
  int described = 0;
  for (const char* freq : frequencies) {
    for (const char* extra : extras) {
      const std::string rule = std::string("FREQ=") + freq + extra;
      if (todo::recurrence::validate_rrule(rule)) continue;
      INFO(rule);
      std::string text;
      CHECK_NOTHROW(text = describe(rule));
      CHECK(text.rfind("every ", 0) == 0);
      ++described;
    }
  }
  CHECK(described > 50);
}

TEST_CASE("describe normalizes, and refuses invalid rules", "[recurrence][summary]") {
  CHECK(describe(" rrule:freq=weekly;byday=mo; ") == "every week on Monday");
  CHECK_THROWS_AS(describe("FREQ=SOMETIMES"), std::invalid_argument);
  CHECK_THROWS_WITH(describe("FREQ=WEEKLY;BYDAY=XX"), Catch::Contains("BYDAY value 'XX'"));
}
