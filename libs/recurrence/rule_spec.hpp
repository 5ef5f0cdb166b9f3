#pragma once
// Internal: a validated rule, with the two ends of the series (COUNT, UNTIL) read out: we apply
// them ourselves (pattern_plan says what libical iterates). libical 3.0 neither counts a DTSTART
// that does not match the pattern nor compares a UTC UNTIL with zoned local times; doing both here
// keeps the series RFC 5545-conformant whatever libical does with them.
#include <cstddef>
#include <optional>
#include <string>

#include "recurrence/rrule_parts.hpp"
#include "time/local_due.hpp"

namespace todo::recurrence::detail {

// The UNTIL value as written: a date (compared by local date), or a date-time whose fields are
// UTC (validate_rrule refuses floating and zoned date-times).
struct Until {
  time::LocalDue value;
  bool utc_date_time() const { return !value.date_only(); }
};

struct RuleSpec {
  RRuleParts parts;  // every part of the normalized rule, COUNT and UNTIL included
  std::optional<std::size_t> count;
  std::optional<Until> until;
};

// Throws std::invalid_argument with validate_rrule's message when `rrule` is not valid.
RuleSpec parse_rule_spec(const std::string& rrule);

}  // namespace todo::recurrence::detail
