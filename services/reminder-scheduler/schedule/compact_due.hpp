#pragma once
// An optional local due in 8 bytes (std::optional<LocalDue> takes 32): the schedule keeps one
// per task.
#include <cstdint>
#include <optional>

#include "time/local_due.hpp"

namespace todo::reminder_scheduler {

class CompactDue {
 public:
  CompactDue() = default;  // no due
  explicit CompactDue(const std::optional<time::LocalDue>& due);
  std::optional<time::LocalDue> get() const;

 private:
  std::int32_t date_ = 0;          // year * 10000 + month * 100 + day; 0 when there is no due
  std::int32_t time_of_day_ = -1;  // seconds since local midnight; -1 for a date-only due
};

}  // namespace todo::reminder_scheduler
