#include "recurrence/occurrence_walk.hpp"

#include <stdexcept>
#include <utility>

#include "recurrence/expansion_horizon.hpp"
#include "recurrence/planned_iterator.hpp"
#include "recurrence/wall_time.hpp"
#include "time/time_zone.hpp"

namespace todo::recurrence::detail {
namespace {

void check_anchor(const Anchor& anchor) {
  const time::LocalDue& start = anchor.dtstart;
  if (!time::is_valid_date(start.date)) {
    throw std::invalid_argument("DTSTART " + time::format_local_date(start.date) +
                                " is not a valid date");
  }
  if (start.time_of_day &&
      (start.time_of_day->count() < 0 || start.time_of_day->count() >= 86400)) {
    throw std::invalid_argument("DTSTART time of day must be in [00:00:00, 24:00:00)");
  }
  if (anchor.zone && !time::is_valid_time_zone(*anchor.zone)) {
    throw std::invalid_argument("unknown time zone '" + *anchor.zone + "'");
  }
}

// Rules libical can only expand with a clock: on DATE values it cannot step hours at all (its
// time arithmetic ignores hours on dates, so the iterator would never advance).
bool needs_clock(const RRuleParts& parts) {
  const std::string& freq = parts.at("FREQ");
  return freq == "HOURLY" || freq == "MINUTELY" || freq == "SECONDLY" || parts.count("BYHOUR") ||
         parts.count("BYMINUTE") || parts.count("BYSECOND");
}

// UNTIL, inclusive, as RFC 5545 §3.3.10 defines it for a task in `zone`.
class UntilBound {
 public:
  UntilBound(const std::optional<Until>& until, std::optional<std::string> zone)
      : until_(until), zone_(std::move(zone)) {
    if (until_ && until_->utc_date_time() && zone_) {
      instant_ = time::to_utc(until_->value, "UTC");
    }
  }

  bool admits(const time::LocalDue& occurrence) const {
    if (!until_) return true;
    if (!until_->utc_date_time()) return !(until_->value.date < occurrence.date);
    if (!zone_) return compare_wall(occurrence, until_->value) <= 0;  // floating: UNTIL is local
    return time::to_utc(occurrence, *zone_) <= instant_;
  }

 private:
  std::optional<Until> until_;
  std::optional<std::string> zone_;
  time::Instant instant_{};
};

}  // namespace

void walk_occurrences(const RuleSpec& rule, const Anchor& anchor, const OccurrenceVisitor& visit) {
  check_anchor(anchor);
  const time::LocalDue& dtstart = anchor.dtstart;
  const UntilBound until(rule.until, anchor.zone);

  // RFC 5545 §3.3.10: DTSTART "always counts as the first occurrence". §3.8.5.3 calls a set with
  // a DTSTART off the rule undefined; we read it as its own examples do (Friday the 13th needs
  // an EXDATE to drop its DTSTART): DTSTART is in the set, matched or not.
  if (!until.admits(dtstart)) return;
  std::size_t index = 0;
  if (!visit(index++, dtstart)) return;
  if (rule.count && index >= *rule.count) return;
  if (month_days_never_occur(rule.parts, dtstart.date.month)) return;

  const bool date_values = dtstart.date_only() && !needs_clock(rule.parts);
  const PatternPlan plan = plan_pattern(rule, dtstart);
  PlannedIterator candidates(plan, date_values, expansion_span(plan.parts));
  time::LocalDue last = dtstart;
  while (const std::optional<time::LocalDue> raw = candidates.next()) {
    const time::LocalDue occurrence =
        dtstart.date_only() ? time::LocalDue{raw->date, std::nullopt} : *raw;
    // Reported already: DTSTART (libical returns it when it matches), or an earlier time on the
    // same day of a date-only series.
    if (compare_wall(occurrence, last) <= 0) continue;
    if (!until.admits(occurrence)) return;
    if (!visit(index++, occurrence)) return;
    if (rule.count && index >= *rule.count) return;
    last = occurrence;
  }
}

}  // namespace todo::recurrence::detail
