#pragma once
// Internal: ordering local wall times without a zone. A date-only value sits at 00:00 of its day,
// as time::to_utc treats it, so a date and a date-time on the same line can be compared.
#include "time/local_due.hpp"

namespace todo::recurrence::detail {

// <0, 0 or >0 as `a` is earlier than, equal to or later than `b` on the wall clock.
int compare_wall(const time::LocalDue& a, const time::LocalDue& b);

// Whether `occurrence` is strictly after `after`, compared as values of the occurrence's kind: a
// date-only occurrence compares dates; a timed one compares date-times, except that a date-only
// `after` stands for that whole day (only later days are after it).
bool occurs_after(const time::LocalDue& occurrence, const time::LocalDue& after);

}  // namespace todo::recurrence::detail
