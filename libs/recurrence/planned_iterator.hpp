#pragma once
// Internal: libical's times for a PatternPlan, with our checks and BYSETPOS applied: the
// candidates of the recurrence set in strictly increasing order (DTSTART, COUNT and UNTIL are
// still to be applied, by occurrence_walk).
#include <chrono>
#include <deque>
#include <optional>
#include <vector>

#include "recurrence/libical_iterator.hpp"
#include "recurrence/pattern_plan.hpp"

namespace todo::recurrence::detail {

class PlannedIterator {
 public:
  // `plan` must outlive the iterator. See LibicalIterator for `date_values` and `span`.
  PlannedIterator(const PatternPlan& plan, bool date_values, std::chrono::seconds span);

  // The next time, or nullopt at the horizon.
  std::optional<time::LocalDue> next();

 private:
  std::optional<time::LocalDue> next_admitted();
  void select_positions();

  const PatternPlan& plan_;
  LibicalIterator libical_;
  std::optional<time::LocalDue> previous_;  // libical's latest time, admitted or not
  std::vector<time::LocalDue> period_;      // BYSETPOS: the admitted times of the current period
  std::deque<time::LocalDue> selected_;     // BYSETPOS: chosen from finished periods
  bool finished_ = false;
};

}  // namespace todo::recurrence::detail
