#include "time/time_zone.hpp"

#include <catch2/catch.hpp>

#include "time/rfc3339.hpp"

using namespace todo::time;
using std::chrono::hours;
using std::chrono::seconds;

namespace {

LocalDue at(int y, unsigned m, unsigned d, int hh, int mm) {
  return LocalDue{LocalDate{y, m, d}, seconds{hh * 3600 + mm * 60}};
}

std::string utc(const LocalDue& local, const std::string& zone) {
  return format_rfc3339(to_utc(local, zone));
}

}  // namespace

TEST_CASE("IANA zone names are recognised from the OS database", "[time][zone]") {
  CHECK(is_valid_time_zone("UTC"));
  CHECK(is_valid_time_zone("America/New_York"));
  CHECK(is_valid_time_zone("Europe/London"));
  CHECK(is_valid_time_zone("Asia/Kolkata"));
  CHECK(is_valid_time_zone("Etc/GMT+5"));
  CHECK(is_valid_time_zone("US/Eastern"));  // a backward-compatible link name
}

TEST_CASE("garbage zone names are invalid and never throw", "[time][zone]") {
  for (const char* name : {"", "Mars/Olympus", "america/new_york", "UTC+2", "+02:00", "Z",
                           "localtime", "../../etc/passwd", "posix/UTC", "Europe/", " UTC"}) {
    INFO(name);
    CHECK_NOTHROW(is_valid_time_zone(name));
    CHECK_FALSE(is_valid_time_zone(name));
  }
  CHECK_THROWS_AS(to_utc(at(2026, 1, 1, 0, 0), "Mars/Olympus"), std::invalid_argument);
}

TEST_CASE("ordinary local times convert with the zone's offset", "[time][zone]") {
  CHECK(utc(at(2026, 12, 1, 9, 0), "America/New_York") == "2026-12-01T14:00:00Z");  // EST
  CHECK(utc(at(2026, 7, 1, 9, 0), "America/New_York") == "2026-07-01T13:00:00Z");   // EDT
  CHECK(utc(at(2026, 7, 1, 9, 0), "Europe/London") == "2026-07-01T08:00:00Z");      // BST
  CHECK(utc(at(2026, 7, 1, 9, 0), "Asia/Kolkata") == "2026-07-01T03:30:00Z");
  CHECK(utc(at(2026, 7, 1, 9, 0), "UTC") == "2026-07-01T09:00:00Z");
}

TEST_CASE("a date-only due means local midnight for ordering", "[time][zone]") {
  const LocalDue date_only{LocalDate{2026, 12, 1}, std::nullopt};
  CHECK(utc(date_only, "America/New_York") == "2026-12-01T05:00:00Z");
  CHECK(date_only.date_only());
}

TEST_CASE("a wall time in the spring-forward gap moves forward by the gap", "[time][zone][dst]") {
  // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist and means 03:30 EDT.
  CHECK(utc(at(2026, 3, 8, 2, 30), "America/New_York") == "2026-03-08T07:30:00Z");
  CHECK(format_local_due(to_local(to_utc(at(2026, 3, 8, 2, 30), "America/New_York"),
                                  "America/New_York")) == "2026-03-08T03:30:00");
  CHECK(utc(at(2026, 3, 8, 2, 0), "America/New_York") == "2026-03-08T07:00:00Z");
  CHECK(utc(at(2026, 3, 8, 3, 0), "America/New_York") == "2026-03-08T07:00:00Z");
  // London 2026-03-29: 01:00 GMT jumps to 02:00 BST; 01:30 means 02:30 BST.
  CHECK(utc(at(2026, 3, 29, 1, 30), "Europe/London") == "2026-03-29T01:30:00Z");
  CHECK(format_local_due(to_local(to_utc(at(2026, 3, 29, 1, 30), "Europe/London"),
                                  "Europe/London")) == "2026-03-29T02:30:00");
}

TEST_CASE("an ambiguous fall-back wall time takes the earlier instant", "[time][zone][dst]") {
  // New York 2026-11-01: 01:30 happens in EDT (05:30Z) and again in EST (06:30Z).
  CHECK(utc(at(2026, 11, 1, 1, 30), "America/New_York") == "2026-11-01T05:30:00Z");
  // London 2026-10-25: 01:30 BST (00:30Z) comes first, then 01:30 GMT (01:30Z).
  CHECK(utc(at(2026, 10, 25, 1, 30), "Europe/London") == "2026-10-25T00:30:00Z");
}

TEST_CASE("instants convert back to the local wall time", "[time][zone]") {
  const auto instant = parse_rfc3339("2026-11-01T06:30:00Z");
  REQUIRE(instant.ok());
  CHECK(format_local_due(to_local(*instant, "America/New_York")) == "2026-11-01T01:30:00");
  CHECK(format_local_due(to_local(*instant, "Asia/Tokyo")) == "2026-11-01T15:30:00");
  CHECK(format_local_due(to_local(*instant, "America/Los_Angeles")) == "2026-10-31T23:30:00");
}

TEST_CASE("today is the local date and its UTC bounds", "[time][zone][today]") {
  const Instant evening_in_ny = *parse_rfc3339("2026-07-02T02:00:00Z");  // 22:00 EDT July 1st
  CHECK(local_date_at(evening_in_ny, "America/New_York") == LocalDate{2026, 7, 1});
  CHECK(local_date_at(evening_in_ny, "UTC") == LocalDate{2026, 7, 2});

  const DayBounds day = local_day_bounds_at(evening_in_ny, "America/New_York");
  CHECK(format_rfc3339(day.start) == "2026-07-01T04:00:00Z");
  CHECK(format_rfc3339(day.end) == "2026-07-02T04:00:00Z");
}

TEST_CASE("DST days are 23 or 25 hours long", "[time][zone][today][dst]") {
  const DayBounds spring = local_day_bounds(LocalDate{2026, 3, 8}, "America/New_York");
  CHECK(spring.end - spring.start == hours{23});
  const DayBounds autumn = local_day_bounds(LocalDate{2026, 11, 1}, "America/New_York");
  CHECK(autumn.end - autumn.start == hours{25});
  const DayBounds year_end = local_day_bounds(LocalDate{2026, 12, 31}, "Europe/London");
  CHECK(format_rfc3339(year_end.end) == "2027-01-01T00:00:00Z");
}
