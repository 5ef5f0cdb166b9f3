#pragma once
// Internal: the recurrence set of a rule, in order, with each occurrence's position in it. This
// is where RFC 5545's own rules are applied on top of libical's pattern: DTSTART first, COUNT,
// UNTIL, and the horizon. expand() and next_occurrence() are both built on it.
#include <cstddef>
#include <functional>

#include "recurrence/expansion.hpp"
#include "recurrence/rule_spec.hpp"

namespace todo::recurrence::detail {

// Return false to stop the walk.
using OccurrenceVisitor = std::function<bool(std::size_t index, const time::LocalDue& occurrence)>;

// Calls `visit` for each occurrence of `rule` anchored at `anchor`: index 0 is DTSTART. Ends with
// the set (COUNT, UNTIL), at the horizon, or when `visit` returns false. Throws
// std::invalid_argument for an impossible dtstart or an unknown zone.
void walk_occurrences(const RuleSpec& rule, const Anchor& anchor, const OccurrenceVisitor& visit);

}  // namespace todo::recurrence::detail
