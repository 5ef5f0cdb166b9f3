#include "time/week_number.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace todo::time;

namespace {

// As text, so a failure shows the week that came out.
std::string week_of(const LocalDate& date, Weekday week_start) {
  const WeekNumber found = week_number(date, week_start);
  return std::to_string(found.week_year) + " week " + std::to_string(found.week) + " of " +
         std::to_string(found.weeks_in_year);
}

}  // namespace

TEST_CASE("weeks starting on Monday are ISO 8601 weeks", "[time][week_number]") {
  const Weekday monday = Weekday::monday;
  CHECK(week_of({2026, 1, 1}, monday) == "2026 week 1 of 53");  // a Thursday
  CHECK(week_of({2026, 12, 31}, monday) == "2026 week 53 of 53");
  CHECK(week_of({2021, 1, 1}, monday) == "2020 week 53 of 53");   // a Friday: last year's week
  CHECK(week_of({2024, 12, 30}, monday) == "2025 week 1 of 52");  // a Monday: next year's week
  CHECK(week_of({2025, 12, 28}, monday) == "2025 week 52 of 52");
  CHECK(week_of({1970, 1, 1}, monday) == "1970 week 1 of 53");
  CHECK(week_of({1969, 12, 31}, monday) == "1970 week 1 of 53");
  CHECK(week_of({1900, 1, 1}, monday) == "1900 week 1 of 52");
}

TEST_CASE("the week start moves the weeks (RFC 5545 WKST)", "[time][week_number]") {
  // 3 January 2026 is a Saturday: with Monday weeks it is in 2026's first week; with Sunday
  // weeks that week starts on 4 January, so the Saturday ends 2025's last week.
  CHECK(week_of({2026, 1, 3}, Weekday::monday) == "2026 week 1 of 53");
  CHECK(week_of({2026, 1, 3}, Weekday::sunday) == "2025 week 53 of 53");
  CHECK(week_of({2026, 1, 4}, Weekday::sunday) == "2026 week 1 of 52");
}
