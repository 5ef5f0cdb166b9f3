#pragma once
// Internal: reminders ("remind 1 day before", "remind me 30 min before", "remind me 2h before",
// "remind at 8am", "remind me the day before at 6pm", "remind me tomorrow at 8am", "remind me in
// 2 hours", "remind me 1 day before and 1 hour before").
#include <optional>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// Kind reminder: "remind" ["me"] (or "reminder") then one or more reminders joined by "and", "&"
// or ",":
// - <n> <unit> "before" (relative, at most 365 days; several spans may share one "before": "1 day
//   and 1 hour before"); whole days may add a time ("2 days before at 9am");
// - "the day before" ["at" <time>], "the evening before" (a part of the day);
// - "at" <time> or "in the morning" (on the due's day);
// - a date, optionally with a time ("tomorrow at 8am", "friday", "in 2 hours", "tonight").
// A reminder that does not read to its end leaves the whole phrase unread.
std::optional<Match> match_reminder(const Tokens& tokens, std::size_t i, const Context& ctx);

}  // namespace todo::quickadd::detail
