#pragma once
// Internal: how a task repeats, when it stops, and several times a day. The words are the
// Language's (words.hpp); docs/quick-add.md lists every form.
//   every day, every weekday / workday, every weekend day, every morning, every 2 weeks on monday
//   and wednesday, every other monday, every month on the 1st, every 1st and 15th, every 3rd
//   wednesday, every 1st and 3rd tuesday, every second to last friday, every last day, every 15th
//   workday, the 1st of every month, every year on jan 5, every jan 5, daily, monthly, every
//   quarter, biweekly, once a week, on mondays, every day except sunday, every 2 hours, ...;
//   every! 3 days and after 3 days (counted from each completion);
//   ends: until dec 31, until june, through june, ending in 2 months, for 6 weeks, this week,
//   in january, for 5 times;
//   times: at 8am and 8pm.
#include <optional>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// Kind recurrence. "every ...", "after 3 days" and "... of every month" are explicit; the bare
// adverbs ("daily", "weekly", "monthly", "yearly", "annually", "fortnightly") are often part of a
// title ("weekly report") and count only at the end of the text, as does "every 27" (a number
// without a suffix: "every 27 hours" is not a repeat quick add knows).
std::optional<Match> match_recurrence(const Tokens& tokens, std::size_t i, const Context& ctx);

// Kind until: "until <date>" (any date quick add reads; inclusive), "until june" (1 June,
// assumed), "through june" (30 June), "ending in 2 months", "for 6 weeks" (a span from the
// first due: `span_days`, `span_months`), "this week", "this month", "in january" (which also
// starts the series: `scope_start`); "until 5pm" (with `time_of_day`: refused, read whole).
std::optional<Match> match_until(const Tokens& tokens, std::size_t i, const Context& ctx);

// Kind count: "for 5 times", "5 times" (1-999).
std::optional<Match> match_count(const Tokens& tokens, std::size_t i);

// Kind time with two or more `times`: "at 8am and 8pm", "at 7am, 1pm and 7pm", "8am & 8pm".
std::optional<Match> match_times(const Tokens& tokens, std::size_t i);

}  // namespace todo::quickadd::detail
