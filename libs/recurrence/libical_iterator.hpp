#pragma once
// Internal: libical's rule iterator behind a small RAII class, working in floating local wall
// time (no zone), so "every day at 09:00" stays 09:00 whatever the zone's offset does. Whatever
// libical says about DTSTART, COUNT and UNTIL is left to the caller (see occurrence_walk).
#include <chrono>
#include <optional>
#include <string>

#include "time/local_due.hpp"

struct icalrecur_iterator_impl;  // libical's iterator type, kept out of this header

namespace todo::recurrence::detail {

class LibicalIterator {
 public:
  // Iterates `pattern` (a valid rule without COUNT and UNTIL) from `start`, and stops at the
  // horizon `span` after it (and at libical's last year, 2582). With `date_values`, libical works
  // on DATE values and `start` must be date-only; otherwise on date-times, a date-only start
  // counting as 00:00.
  LibicalIterator(const std::string& pattern, const time::LocalDue& start, bool date_values,
                  std::chrono::seconds span);
  ~LibicalIterator();
  LibicalIterator(const LibicalIterator&) = delete;
  LibicalIterator& operator=(const LibicalIterator&) = delete;

  // libical's next time (date-only in DATE mode), or nullopt when it has none before the horizon.
  // libical 3.0 returns DTSTART first only when DTSTART matches the pattern.
  std::optional<time::LocalDue> next();

  // The last wall time libical may return.
  const time::LocalDue& horizon() const { return horizon_; }

 private:
  icalrecur_iterator_impl* iterator_ = nullptr;  // null when libical found nothing to iterate
  time::LocalDue horizon_;
};

}  // namespace todo::recurrence::detail
