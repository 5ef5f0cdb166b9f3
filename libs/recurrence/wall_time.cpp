#include "recurrence/wall_time.hpp"

#include <tuple>

namespace todo::recurrence::detail {

int compare_wall(const time::LocalDue& a, const time::LocalDue& b) {
  const auto key = [](const time::LocalDue& due) {
    return std::make_tuple(due.date.year, due.date.month, due.date.day,
                           due.time_of_day.value_or(std::chrono::seconds{0}).count());
  };
  if (key(a) < key(b)) return -1;
  return key(b) < key(a) ? 1 : 0;
}

bool occurs_after(const time::LocalDue& occurrence, const time::LocalDue& after) {
  if (occurrence.date_only() || after.date_only()) return after.date < occurrence.date;
  return compare_wall(occurrence, after) > 0;
}

}  // namespace todo::recurrence::detail
