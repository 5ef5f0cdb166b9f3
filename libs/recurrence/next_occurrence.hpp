#pragma once
// The rule for "a recurring task was completed: what is the next one?". recurrence-service calls
// it on every completion; docs/recurrence.md explains the two modes with examples.
#include <optional>
#include <string>

#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::recurrence {

enum class AnchorMode {
  due,         // the series keeps its calendar: the next one follows the rule from the due dates
  completion,  // the rule restarts at each completion ("3 days after I last did it")
};

struct CompletedOccurrence {
  std::string rrule;  // valid
  AnchorMode mode = AnchorMode::due;
  time::LocalDue due;          // the completed task's due (recurring tasks always have one)
  std::string zone;            // IANA zone of the task
  int occurrence_index = 0;    // 0 for the series' first task
  time::Instant completed_at;  // also serves as "now"
};

struct NextOccurrence {
  time::LocalDue due;    // same kind as the completed task's due
  int occurrence_index;  // position in the series
};

// nullopt when the series has ended (COUNT used up, UNTIL passed, or no occurrence before the
// horizon).
//
// mode due: the rule is anchored at the completed task's due, with COUNT reduced by
// occurrence_index k (occurrences 0..k-1 came before it; when COUNT - k <= 1 the series ends).
// The next is the first occurrence strictly after max(due, completion): for a timed task compared
// as UTC instants in `zone`; for a date-only task by local date, after max(due date, the local
// date of completed_at). So a daily task completed three days late comes back tomorrow, not three
// times overdue. Its index is k + its position in the anchored set: skipped occurrences use up
// indexes and COUNT.
//
// mode completion: the rule is anchored at the completion: DTSTART = the local date of
// completed_at with the task's time of day (date-only if the task is), and the next is that set's
// second instance (the first strictly after DTSTART). FREQ=DAILY;INTERVAL=3 completed Monday
// 15:00 for a task due at 09:00 gives Thursday 09:00. COUNT is the number of tasks in the series:
// it ends when k + 1 >= COUNT. UNTIL applies as usual. Its index is k + 1.
//
// Throws std::invalid_argument for an invalid rule, an unknown zone, a negative
// occurrence_index or an impossible due. Thread-safe.
std::optional<NextOccurrence> next_occurrence(const CompletedOccurrence& done);

}  // namespace todo::recurrence
