#pragma once
// IANA time zones: validation, and the conversions between a local wall time in a zone and the
// UTC instant it denotes. Zone data comes from the OS (/usr/share/zoneinfo), never the network.
#include <string>

#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::time {

// True for names of the IANA database as installed ("Europe/London", "UTC", "US/Eastern").
// Case-sensitive, like the database. Never throws.
bool is_valid_time_zone(const std::string& name);

// The UTC instant of a local wall time in `zone`. A date-only due counts as 00:00 local (for
// ordering and "due today"; the LocalDue itself keeps saying date-only). RFC 5545 §3.3.5 rules:
// a wall time that does not exist (spring-forward gap) is moved forward by the length of the gap
// (02:30 in a one-hour gap means 03:30); one that exists twice (fall back) means the first
// (earlier) instant. Throws std::invalid_argument for an unknown zone.
Instant to_utc(const LocalDue& local, const std::string& zone);

// The local wall time (always with a time of day) of an instant in `zone`.
// Throws std::invalid_argument for an unknown zone.
LocalDue to_local(Instant instant, const std::string& zone);

// The local calendar date in `zone` at `instant` ("today" when instant is now).
LocalDate local_date_at(Instant instant, const std::string& zone);

// A local calendar day as UTC instants: [start, end). Usually 24 h long; 23 h or 25 h on the days
// the zone changes its offset.
struct DayBounds {
  Instant start;
  Instant end;
};
DayBounds local_day_bounds(const LocalDate& calendar_day, const std::string& zone);

// The bounds of the local day containing `instant` in `zone` (what "due today" filters on).
DayBounds local_day_bounds_at(Instant instant, const std::string& zone);

}  // namespace todo::time
