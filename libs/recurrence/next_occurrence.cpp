#include "recurrence/next_occurrence.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "recurrence/occurrence_walk.hpp"
#include "time/time_zone.hpp"

namespace todo::recurrence {
namespace {

std::optional<NextOccurrence> found(const time::LocalDue& due, std::size_t index) {
  if (index > static_cast<std::size_t>(std::numeric_limits<int>::max())) return std::nullopt;
  return NextOccurrence{due, static_cast<int>(index)};
}

std::optional<NextOccurrence> next_by_due(detail::RuleSpec rule, const CompletedOccurrence& done,
                                          std::size_t k) {
  if (rule.count) {
    if (*rule.count <= k + 1) return std::nullopt;  // the completed task was the last one
    *rule.count -= k;
  }
  // "After" is the later of the due and the completion, so a late completion skips the
  // occurrences that are already past instead of creating them all overdue.
  const bool date_only = done.due.date_only();
  const time::LocalDate after_date =
      std::max(done.due.date, time::local_date_at(done.completed_at, done.zone));
  const time::Instant after_instant =
      date_only ? time::Instant{} : std::max(time::to_utc(done.due, done.zone), done.completed_at);

  std::optional<NextOccurrence> next;
  detail::walk_occurrences(
      rule, Anchor{done.due, done.zone}, [&](std::size_t index, const time::LocalDue& occurrence) {
        const bool is_after = date_only ? after_date < occurrence.date
                                        : after_instant < time::to_utc(occurrence, done.zone);
        if (is_after) next = found(occurrence, k + index);
        return !is_after;
      });
  return next;
}

std::optional<NextOccurrence> next_by_completion(detail::RuleSpec rule,
                                                 const CompletedOccurrence& done, std::size_t k) {
  if (rule.count && *rule.count <= k + 1) return std::nullopt;  // COUNT tasks exist already
  rule.count.reset();
  const time::LocalDue restart{time::local_date_at(done.completed_at, done.zone),
                               done.due.time_of_day};
  std::optional<NextOccurrence> next;
  detail::walk_occurrences(rule, Anchor{restart, done.zone},
                           [&](std::size_t index, const time::LocalDue& occurrence) {
                             if (index == 1) next = found(occurrence, k + 1);
                             return index < 1;
                           });
  return next;
}

}  // namespace

std::optional<NextOccurrence> next_occurrence(const CompletedOccurrence& done) {
  detail::RuleSpec rule = detail::parse_rule_spec(done.rrule);  // throws for an invalid rule
  if (!time::is_valid_time_zone(done.zone)) {
    throw std::invalid_argument("unknown time zone '" + done.zone + "'");
  }
  if (!time::is_valid_date(done.due.date)) {
    throw std::invalid_argument("due " + time::format_local_date(done.due.date) +
                                " is not a valid date");
  }
  if (done.occurrence_index < 0) throw std::invalid_argument("occurrence_index must be >= 0");
  const auto k = static_cast<std::size_t>(done.occurrence_index);
  return done.mode == AnchorMode::due ? next_by_due(std::move(rule), done, k)
                                      : next_by_completion(std::move(rule), done, k);
}

}  // namespace todo::recurrence
