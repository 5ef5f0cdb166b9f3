#pragma once
// Internal: what one recognised phrase says, before the phrases are put together into a task.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "quickadd/tokens.hpp"
#include "recurrence/presets.hpp"
#include "tasks/priority.hpp"
#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::quickadd::detail {

// The moment the text is read, in the user's zone: what "today" and "at 9am" are relative to.
struct Context {
  time::LocalDate today;
  std::chrono::seconds time_of_day{0};  // now, seconds since local midnight
  // The same moment as an instant, and the zone: "in 3 hours" is elapsed time, which a clock
  // change between now and then moves on the wall clock.
  time::Instant now;
  std::string zone;
};

// One reminder of a "remind me ..." phrase; the answer turns it into {"before"} or {"at"}.
struct ReminderSpec {
  std::optional<std::chrono::seconds> before;  // "1 hour before": before the due
  int days_before = 0;  // "the day before at 6pm": on the due's day less this many days
  std::optional<time::LocalDate> date;              // "tomorrow at 8am": on that date
  std::optional<std::chrono::seconds> time_of_day;  // at that time (a date alone: 09:00)
};

enum class MatchKind { due, time, recurrence, until, count, priority, tag, reminder };

struct Match {
  MatchKind kind = MatchKind::due;
  std::size_t first = 0;  // tokens [first, last)
  std::size_t last = 0;
  // Bare words that are often part of a title ("monday", "jan 5", "weekly", "noon") count only
  // when nothing but other phrases and punctuation follows them.
  bool trailing_only = false;

  time::LocalDate date;                             // due, until
  std::optional<std::chrono::seconds> time_of_day;  // time; due ("tonight", "in 2 hours");
                                                    // reminder at a time of day
  recurrence::Preset preset;                        // recurrence (interval and days as typed)
  // recurrence: the rule picks its own days ("every monday", "on the 1st", "on jan 5"), so the
  // first due is the first matching day rather than the start date.
  bool selects_days = false;
  std::optional<unsigned> yearly_month;  // recurrence "every year on jan 5": the month and day
  int yearly_day = 0;
  // recurrence, what a preset cannot say (the answer then stores the rule itself, rule_text.hpp):
  std::vector<std::pair<int, time::Weekday>> nth_weekdays;  // "every 1st and 3rd tue": 1TU,3TU
  std::vector<int> month_days;                              // "every 1st and 15th": BYMONTHDAY=1,15
  std::vector<int> workday_positions;  // "every 15th workday": Monday to Friday, BYSETPOS=15
  bool completion = false;             // "every! 3 days", "after 3 days": from each completion
  int every_minutes = 0;               // "every 2 hours": finer than a day (FREQ=HOURLY)
  // recurrence read whole but not usable ("every 2 days except sunday"): why, for the warning;
  // the phrase then stays in the title.
  std::string refused;
  // time: several times a day ("at 8am and 8pm"), as typed; time_of_day is the first of them.
  std::vector<std::chrono::seconds> times;
  // until: "for 6 weeks" ends the series that long after its first due (`date` is then unused).
  int span_months = 0;
  int span_days = 0;
  // until: "every monday in january" also starts the series (on 1 January).
  std::optional<time::LocalDate> scope_start;
  // Where English is ambiguous, what was assumed ("is read as every Saturday; ..."): the answer
  // warns "'<phrase>' <assumed>" when the phrase is used.
  std::string assumed;
  int count = 0;  // count: how many occurrences
  tasks::Priority priority = tasks::Priority::medium;
  std::string tag;                             // normalized
  std::optional<std::chrono::seconds> before;  // reminder before the due
  std::vector<ReminderSpec> reminders;         // reminder: one or more ("1 day and 1 hour before")
};

// The input as matchers read it; each matcher takes the tokens and the index to start at.
using Tokens = std::vector<Token>;

}  // namespace todo::quickadd::detail
