#include "time/local_due.hpp"

#include <catch2/catch.hpp>

using namespace todo::time;
using std::chrono::seconds;

TEST_CASE("a date-only due parses and keeps saying date-only", "[time][local_due]") {
  const auto due = parse_local_due("2026-12-01");
  REQUIRE(due.ok());
  CHECK(due->date == LocalDate{2026, 12, 1});
  CHECK(due->date_only());
  CHECK(format_local_due(*due) == "2026-12-01");
}

TEST_CASE("a local date-time parses with or without seconds", "[time][local_due]") {
  const auto minutes = parse_local_due("2026-12-01T09:30");
  REQUIRE(minutes.ok());
  CHECK(minutes->time_of_day == seconds{9 * 3600 + 30 * 60});
  CHECK(format_local_due(*minutes) == "2026-12-01T09:30:00");

  const auto full = parse_local_due("2026-12-01T23:59:59");
  REQUIRE(full.ok());
  CHECK(full->time_of_day == seconds{86399});
  CHECK(format_local_due(*full) == "2026-12-01T23:59:59");
}

TEST_CASE("leap days exist only in leap years", "[time][local_due]") {
  CHECK(parse_local_due("2028-02-29").ok());
  CHECK(parse_local_due("2000-02-29").ok());  // divisible by 400
  const auto not_leap = parse_local_due("2026-02-29");
  REQUIRE_FALSE(not_leap.ok());
  CHECK_THAT(not_leap.error(), Catch::Contains("2026-02-29 is not a date that exists"));
  CHECK_FALSE(parse_local_due("2100-02-29").ok());  // divisible by 100, not by 400
}

TEST_CASE("impossible or malformed local dues are rejected with a reason", "[time][local_due]") {
  struct Case {
    const char* text;
    const char* reason;
  };
  const Case cases[] = {
      {"2026-02-30", "not a date that exists"},
      {"2026-13-01", "month 13 is out of range"},
      {"2026-00-10", "month 00 is out of range"},
      {"2026-04-31", "not a date that exists"},
      {"2026-12-01T24:00", "hour 24 is out of range"},
      {"2026-12-01T12:60", "minute 60 is out of range"},
      {"2026-12-01T12:00:60", "second 60 is out of range"},
      {"2026-12-01T09:00:00Z", "without 'Z' or a UTC offset"},
      {"2026-12-01T09:00:00+01:00", "without 'Z' or a UTC offset"},
      {"2026-12-01T09:00:00.5", "fractional seconds"},
      {"2026-12-01 09:00", "joined by 'T'"},
      {"2026-12-01x", "joined by 'T'"},
      {"2026-12-01T9:00", "HH:MM"},
      {"2026-12-01T09:00:00 ", "HH:MM"},
      {"2026-1-01", "YYYY-MM-DD"},
      {"", "must look like"},
      {"tomorrow", "must look like"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto parsed = parse_local_due(c.text);
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.error(), Catch::Contains(c.reason));
  }
}

TEST_CASE("parse_local_date accepts only a date", "[time][local_due]") {
  CHECK(parse_local_date("2026-03-08").ok());
  CHECK_FALSE(parse_local_date("2026-03-08T10:00").ok());
  CHECK(format_local_date(LocalDate{987, 1, 2}) == "0987-01-02");
}

TEST_CASE("local dates order chronologically", "[time][local_due]") {
  CHECK(LocalDate{2026, 1, 31} < LocalDate{2026, 2, 1});
  CHECK(LocalDate{2025, 12, 31} < LocalDate{2026, 1, 1});
  CHECK_FALSE(LocalDate{2026, 1, 1} < LocalDate{2026, 1, 1});
}

TEST_CASE("dates outside the years 1900-9999 are refused", "[time][local_due][security]") {
  using todo::time::parse_local_date;
  using todo::time::parse_local_due;
  for (const char* text : {"0000-01-01", "0000-01-01T00:00:00", "1899-12-31T23:59"}) {
    INFO(text);
    const auto due = parse_local_due(text);
    REQUIRE_FALSE(due);
    CHECK_THAT(due.error(), Catch::Contains("out of range 1900-9999"));
  }
  CHECK_FALSE(parse_local_date("0001-01-01"));
  CHECK(parse_local_due("1900-01-01"));
  CHECK(parse_local_due("9999-12-31T23:59:59"));
}
