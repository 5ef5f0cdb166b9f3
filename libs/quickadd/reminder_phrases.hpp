#pragma once
// Internal: reminders ("remind 1 day before", "remind me 30 min before", "remind me 2h before",
// "remind at 8am").
#include <optional>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// Kind reminder: "remind" ["me"] then either <n> <unit> "before" (a relative reminder, at most
// 365 days) or "at" <time> (an absolute one, on the due's day).
std::optional<Match> match_reminder(const Tokens& tokens, std::size_t i);

}  // namespace todo::quickadd::detail
