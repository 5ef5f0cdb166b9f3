#include "recurrence/planned_iterator.hpp"

#include <set>

#include "recurrence/wall_time.hpp"

namespace todo::recurrence::detail {

PlannedIterator::PlannedIterator(const PatternPlan& plan, bool date_values,
                                 std::chrono::seconds span)
    : plan_(plan), libical_(plan.pattern, plan.start, date_values, span) {}

std::optional<time::LocalDue> PlannedIterator::next_admitted() {
  // libical's times should strictly increase. One that does not is skipped (the set must stay in
  // order), and a long run of them means libical stopped making progress: the walk ends there.
  constexpr int kMaxStalls = 1000;
  int stalls = 0;
  while (const std::optional<time::LocalDue> raw = libical_.next()) {
    if (previous_ && compare_wall(*raw, *previous_) <= 0) {
      if (++stalls > kMaxStalls) return std::nullopt;
      continue;
    }
    stalls = 0;
    previous_ = raw;
    if (plan_.admits(raw->date)) return raw;
  }
  return std::nullopt;
}

std::optional<time::LocalDue> PlannedIterator::next() {
  if (plan_.set_positions.empty()) return next_admitted();
  while (selected_.empty() && !finished_) {
    const std::optional<time::LocalDue> time = next_admitted();
    const auto same_period = [&](const time::LocalDue& a, const time::LocalDue& b) {
      return a.date.year == b.date.year &&
             (!plan_.set_period_months || a.date.month == b.date.month);
    };
    if (!time) {
      // At the horizon. The last period counts only if the horizon lies past its end: if it was
      // cut short, its positions are not known.
      finished_ = true;
      if (!period_.empty() && !same_period(period_.front(), libical_.horizon())) {
        select_positions();
      }
    } else if (!period_.empty() && !same_period(period_.front(), *time)) {
      select_positions();
    }
    if (time) period_.push_back(*time);
  }
  if (selected_.empty()) return std::nullopt;
  const time::LocalDue first = selected_.front();
  selected_.pop_front();
  return first;
}

void PlannedIterator::select_positions() {
  // Positions count from 1 at the start of the period and from -1 at its end.
  std::set<std::size_t> chosen;
  const auto size = static_cast<long>(period_.size());
  for (int position : plan_.set_positions) {
    const long index = position > 0 ? position - 1 : size + position;
    if (index >= 0 && index < size) chosen.insert(static_cast<std::size_t>(index));
  }
  for (std::size_t index : chosen) selected_.push_back(period_[index]);
  period_.clear();
}

}  // namespace todo::recurrence::detail
