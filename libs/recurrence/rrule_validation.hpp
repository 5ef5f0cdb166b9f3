#pragma once
// Validation of RFC 5545 recurrence rules (RRULE values) before a task is saved.
#include <optional>
#include <string>

#include "time/parse_result.hpp"

namespace todo::recurrence {

// The form rules are stored and compared in: surrounding whitespace and an optional leading
// "RRULE:" removed, ASCII upper-cased (every RRULE name and value is case-insensitive), a single
// trailing ';' dropped. Does not validate.
std::string normalize_rrule(const std::string& rule);

// nullopt when `rule` (normalized first) is a valid RFC 5545 RRULE that we support; otherwise a
// sentence naming the problem, e.g. "BYDAY value 'XX' is not a weekday ...".
// Supported: FREQ (SECONDLY to YEARLY), INTERVAL, COUNT or UNTIL, BYSECOND, BYMINUTE, BYHOUR,
// BYDAY (with ordinals like 2MO, -1FR), BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST.
// Rejected beyond syntax: both COUNT and UNTIL, INTERVAL=0, rule parts RFC 5545 forbids for the
// FREQ (BYWEEKNO outside YEARLY, ...), BYSETPOS alone, a date-time UNTIL not in UTC, and the
// RFC 7529 extensions RSCALE and SKIP. Also refused, because libical 3.0 (which expands our
// rules) ignores or cannot expand them: BYSETPOS outside FREQ=MONTHLY/YEARLY or together with
// BYHOUR, BYMINUTE, BYSECOND or BYWEEKNO; and FREQ=YEARLY with BYYEARDAY and BYMONTH or
// BYMONTHDAY. libical must accept whatever passes our own checks.
// Thread-safe.
std::optional<std::string> validate_rrule(const std::string& rule);

// validate_rrule, giving the normalized rule when it is valid.
ParseResult<std::string> parse_rrule(const std::string& rule);

}  // namespace todo::recurrence
