#include "time/calendar.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace todo::time;

namespace {

// Dates are compared as text so a failure shows which date came out.
std::string text(const LocalDate& date) {
  return format_local_date(date);
}

}  // namespace

TEST_CASE("leap years: every fourth, except centuries not divisible by 400", "[time][calendar]") {
  CHECK(is_leap_year(2024));
  CHECK(is_leap_year(2000));
  CHECK(is_leap_year(1600));
  CHECK_FALSE(is_leap_year(2026));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(days_in_year(2024) == 366);
  CHECK(days_in_year(1900) == 365);
}

TEST_CASE("month ends, February by the leap year rule", "[time][calendar]") {
  CHECK(days_in_month(2026, 1) == 31);
  CHECK(days_in_month(2026, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2026, 4) == 30);
  CHECK(days_in_month(2026, 12) == 31);
  int year_length = 0;
  for (unsigned month = 1; month <= 12; ++month) year_length += days_in_month(2024, month);
  CHECK(year_length == 366);
}

TEST_CASE("day of the year counts from 1", "[time][calendar]") {
  CHECK(day_of_year({2026, 1, 1}) == 1);
  CHECK(day_of_year({2026, 3, 1}) == 60);
  CHECK(day_of_year({2024, 3, 1}) == 61);
  CHECK(day_of_year({2026, 12, 31}) == 365);
  CHECK(day_of_year({2024, 12, 31}) == 366);
}

TEST_CASE("day counts start at 1970-01-01 and run backwards before it", "[time][calendar]") {
  CHECK(to_sys_days({1970, 1, 1}).time_since_epoch() == Days{0});
  CHECK(to_sys_days({1969, 12, 31}).time_since_epoch() == Days{-1});
  CHECK(to_sys_days({1900, 1, 1}).time_since_epoch() == Days{-25567});
  CHECK(to_sys_days({2000, 2, 29}).time_since_epoch() == Days{11016});
  CHECK(to_sys_days({1, 1, 1}).time_since_epoch() == Days{-719162});
  CHECK(text(to_local_date(SysDays{Days{20454}})) == "2026-01-01");
  CHECK(text(to_local_date(SysDays{Days{-25567}})) == "1900-01-01");
}

TEST_CASE("day counts step through every date of four centuries in order", "[time][calendar]") {
  // From 1 January 1800 to 31 December 2199: each count is the day after the one before.
  LocalDate expected{1800, 1, 1};
  for (SysDays day = to_sys_days(expected); day <= to_sys_days({2199, 12, 31}); day += Days{1}) {
    const LocalDate date = to_local_date(day);
    REQUIRE(text(date) == text(expected));
    REQUIRE(to_sys_days(date) == day);
    if (static_cast<int>(expected.day) < days_in_month(expected.year, expected.month)) {
      ++expected.day;
    } else if (expected.month < 12) {
      expected = LocalDate{expected.year, expected.month + 1, 1};
    } else {
      expected = LocalDate{expected.year + 1, 1, 1};
    }
  }
}

TEST_CASE("weekday of a date, before 1970 as after", "[time][calendar]") {
  CHECK(weekday_of({1970, 1, 1}) == Weekday::thursday);
  CHECK(weekday_of({1969, 12, 31}) == Weekday::wednesday);
  CHECK(weekday_of({1900, 1, 1}) == Weekday::monday);
  CHECK(weekday_of({1600, 1, 1}) == Weekday::saturday);
  CHECK(weekday_of({1, 1, 1}) == Weekday::monday);
  CHECK(weekday_of({2000, 2, 29}) == Weekday::tuesday);
  CHECK(weekday_of({2026, 1, 1}) == Weekday::thursday);
  CHECK(weekday_of({2026, 1, 4}) == Weekday::sunday);
  // Monday first: quick add's weekday words and RRULE's MO ... SU count on it.
  CHECK(static_cast<int>(Weekday::monday) == 0);
  CHECK(static_cast<int>(Weekday::sunday) == 6);
}

TEST_CASE("adding days crosses month, year and leap-day boundaries", "[time][calendar]") {
  CHECK(text(add_days({2024, 2, 28}, 1)) == "2024-02-29");
  CHECK(text(add_days({2026, 2, 28}, 1)) == "2026-03-01");
  CHECK(text(add_days({2026, 12, 31}, 1)) == "2027-01-01");
  CHECK(text(add_days({1970, 1, 1}, -1)) == "1969-12-31");
  CHECK(text(add_days({2026, 3, 1}, -1)) == "2026-02-28");
  CHECK(text(add_days({2026, 1, 1}, 365)) == "2027-01-01");
  CHECK(text(add_days({2026, 1, 1}, 0)) == "2026-01-01");
}

TEST_CASE("adding months keeps the day or clamps it to the month's end", "[time][calendar]") {
  CHECK(text(add_months_clamped({2026, 1, 15}, 1)) == "2026-02-15");
  CHECK(text(add_months_clamped({2026, 1, 31}, 1)) == "2026-02-28");
  CHECK(text(add_months_clamped({2024, 1, 31}, 1)) == "2024-02-29");
  CHECK(text(add_months_clamped({2026, 3, 31}, 1)) == "2026-04-30");
  // One step of two months, not two steps: 31 January is 31 March, not 28 March.
  CHECK(text(add_months_clamped({2026, 1, 31}, 2)) == "2026-03-31");
  CHECK(text(add_months_clamped({2026, 11, 15}, 2)) == "2027-01-15");
  CHECK(text(add_months_clamped({2024, 2, 29}, 12)) == "2025-02-28");
  CHECK(text(add_months_clamped({2024, 2, 29}, 48)) == "2028-02-29");
  CHECK(text(add_months_clamped({2026, 3, 31}, -1)) == "2026-02-28");
  CHECK(text(add_months_clamped({2026, 1, 31}, -1)) == "2025-12-31");
}

TEST_CASE("the nearest given weekday on or after, on or before a date", "[time][calendar]") {
  const LocalDate thursday{2026, 1, 1};
  CHECK(text(first_on_or_after(thursday, Weekday::thursday)) == "2026-01-01");
  CHECK(text(first_on_or_after(thursday, Weekday::friday)) == "2026-01-02");
  CHECK(text(first_on_or_after(thursday, Weekday::monday)) == "2026-01-05");
  CHECK(text(first_on_or_after(thursday, Weekday::wednesday)) == "2026-01-07");
  CHECK(text(last_on_or_before(thursday, Weekday::thursday)) == "2026-01-01");
  CHECK(text(last_on_or_before(thursday, Weekday::monday)) == "2025-12-29");
  CHECK(text(last_on_or_before(thursday, Weekday::sunday)) == "2025-12-28");
  CHECK(text(last_on_or_before(thursday, Weekday::friday)) == "2025-12-26");
}

TEST_CASE("the next date with a day of the month skips months without it", "[time][calendar]") {
  CHECK(text(first_month_day_on_or_after({2026, 11, 28}, 31)) == "2026-12-31");
  CHECK(text(first_month_day_on_or_after({2026, 12, 31}, 31)) == "2026-12-31");
  CHECK(text(first_month_day_on_or_after({2026, 1, 31}, 30)) == "2026-03-30");
  CHECK(text(first_month_day_on_or_after({2026, 1, 30}, 29)) == "2026-03-29");
  CHECK(text(first_month_day_on_or_after({2024, 1, 30}, 29)) == "2024-02-29");
  CHECK(text(first_month_day_on_or_after({2026, 12, 2}, 1)) == "2027-01-01");
}

TEST_CASE("the next date with a month and day waits for a leap year", "[time][calendar]") {
  CHECK(text(*first_month_and_day_on_or_after({2026, 12, 25}, 12, 25)) == "2026-12-25");
  CHECK(text(*first_month_and_day_on_or_after({2026, 12, 26}, 12, 25)) == "2027-12-25");
  CHECK(text(*first_month_and_day_on_or_after({2026, 3, 1}, 2, 29)) == "2028-02-29");
  // 2100 is no leap year: after 2096 the next leap day is in 2104, the longest wait there is.
  CHECK(text(*first_month_and_day_on_or_after({2096, 3, 1}, 2, 29)) == "2104-02-29");
  CHECK(text(*first_month_and_day_on_or_after({1896, 3, 1}, 2, 29)) == "1904-02-29");
  CHECK_FALSE(first_month_and_day_on_or_after({2026, 1, 1}, 2, 30).has_value());
  CHECK_FALSE(first_month_and_day_on_or_after({2026, 1, 1}, 4, 31).has_value());
}
