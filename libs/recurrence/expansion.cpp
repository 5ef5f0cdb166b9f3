#include "recurrence/expansion.hpp"

#include "recurrence/occurrence_walk.hpp"
#include "recurrence/wall_time.hpp"

namespace todo::recurrence {

std::vector<time::LocalDue> expand(const std::string& rrule, const Anchor& anchor,
                                   std::size_t limit, const std::optional<time::LocalDue>& after) {
  const detail::RuleSpec rule = detail::parse_rule_spec(rrule);  // throws for an invalid rule
  std::vector<time::LocalDue> found;
  if (limit == 0) return found;
  detail::walk_occurrences(rule, anchor, [&](std::size_t, const time::LocalDue& occurrence) {
    if (!after || detail::occurs_after(occurrence, *after)) found.push_back(occurrence);
    return found.size() < limit;
  });
  return found;
}

}  // namespace todo::recurrence
