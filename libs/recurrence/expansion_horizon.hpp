#pragma once
// Internal: how far an expansion may look before it gives up. libical searches for the next match
// one candidate time at a time, and a rule may match rarely or never (FREQ=DAILY;BYMONTH=2;
// BYMONTHDAY=30, FREQ=SECONDLY;BYMONTH=1 from February). Each candidate costs about 2 us, so the
// search is bounded twice: at most kHorizonYears after DTSTART, and at most about
// kCandidateBudget candidates, estimated from the rule. For DAILY and coarser rules with a time
// or two a day the year bound is the one that applies; for sub-daily rules, and rules with many
// times a day, the candidate bound (FREQ=MINUTELY looks about 69 days ahead, FREQ=HOURLY about
// 11 years, FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30 about 68 years).
#include <chrono>

#include "recurrence/rrule_parts.hpp"

namespace todo::recurrence::detail {

constexpr int kHorizonYears = 200;
constexpr double kCandidateBudget = 100000;

// How far after DTSTART (in wall-clock time) libical may look for occurrences of `parts`.
std::chrono::seconds expansion_span(const RRuleParts& parts);

// True when BYMONTHDAY names no day that exists in any month the rule can reach from a DTSTART
// in `start_month` (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30, or FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31
// from February): libical would search up to the year 20000 to find that out.
bool month_days_never_occur(const RRuleParts& parts, unsigned start_month);

}  // namespace todo::recurrence::detail
