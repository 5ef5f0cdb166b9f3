#include "schedule/compact_due.hpp"

namespace todo::reminder_scheduler {

CompactDue::CompactDue(const std::optional<time::LocalDue>& due) {
  if (!due) return;
  date_ = due->date.year * 10000 + static_cast<std::int32_t>(due->date.month * 100 + due->date.day);
  if (due->time_of_day) time_of_day_ = static_cast<std::int32_t>(due->time_of_day->count());
}

std::optional<time::LocalDue> CompactDue::get() const {
  if (date_ == 0) return std::nullopt;
  time::LocalDue due;
  due.date.year = date_ / 10000;
  due.date.month = static_cast<unsigned>(date_ / 100 % 100);
  due.date.day = static_cast<unsigned>(date_ % 100);
  if (time_of_day_ >= 0) due.time_of_day = std::chrono::seconds(time_of_day_);
  return due;
}

}  // namespace todo::reminder_scheduler
