#pragma once
// Expanding an RFC 5545 recurrence rule into its occurrences, in local wall time.
//
// How the set is built (docs/recurrence.md has the full story):
// - libical (the reference implementation) iterates the rule's pattern in floating local time,
//   so "every day at 09:00 Europe/London" is 09:00 local on both sides of a DST change. An
//   occurrence whose wall time falls in a DST gap (02:30 on a spring-forward night) is still
//   reported as that wall time; time::to_utc then applies RFC 5545's rule and moves it forward
//   by the length of the gap. HOURLY and finer rules also step in wall time (every hour from
//   00:00 gives 01:00, 02:00, 03:00 local even on the night that skips 02:00); we accept that,
//   since tasks repeat by the clock on the wall.
// - DTSTART is always the first occurrence and counts toward COUNT, also when it does not match
//   the rule (RFC 5545 §3.3.10 and §3.8.5.3; libical 3.0 would drop it and not count it).
// - COUNT and UNTIL are applied here, not by libical: see expand().
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "time/local_due.hpp"

namespace todo::recurrence {

// Where a rule is anchored: DTSTART as a local wall time, and the IANA zone it is in (nullopt =
// floating local time).
struct Anchor {
  time::LocalDue dtstart;  // date-only dtstart => date-only occurrences
  std::optional<std::string> zone;
};

// The occurrences of `rrule` (any string validate_rrule accepts; normalized inside) anchored at
// `anchor`, in order, as local wall times of the same kind as dtstart (date-only stays date-only;
// timed ones always carry a time). At most `limit` results.
//
// - `after`: only occurrences strictly after it are returned (compared as wall times of the
//   occurrences' kind; a date-only `after` stands for its whole day), but the skipped ones still
//   count toward COUNT.
// - UNTIL is inclusive. A date-time UNTIL is UTC: each occurrence's UTC instant in `zone` is
//   compared with it (a date-only occurrence counts as 00:00 local); for a floating anchor
//   UNTIL's wall time is read as local. A date UNTIL is compared by local date. The set ends at
//   the first occurrence past UNTIL, and is empty when DTSTART itself is past it.
// - A date-only anchor with a rule that needs a clock (FREQ=HOURLY and finer, BYHOUR, BYMINUTE,
//   BYSECOND) is expanded from 00:00 and each day is reported once; COUNT counts days.
// - Rules that match rarely or never stop at a horizon: 200 years after DTSTART, and sooner for
//   sub-daily rules (about 100,000 candidate times; FREQ=MINUTELY looks about 69 days ahead).
//   What was found by then is returned.
//
// Throws std::invalid_argument with validate_rrule's message for an invalid rule, and for an
// impossible dtstart or an unknown zone. Thread-safe.
std::vector<time::LocalDue> expand(const std::string& rrule, const Anchor& anchor,
                                   std::size_t limit,
                                   const std::optional<time::LocalDue>& after = std::nullopt);

}  // namespace todo::recurrence
