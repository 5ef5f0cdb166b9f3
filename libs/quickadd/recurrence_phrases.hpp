#pragma once
// Internal: how a task repeats ("every day", "every weekday", "every 2 weeks on monday and
// wednesday", "every month on the 1st", "every year on jan 5", "monthly"), when it stops
// ("until dec 31", "for 5 times", "5 times").
#include <optional>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// Kind recurrence. "every ..." is explicit; the bare adverbs ("daily", "weekly", "monthly",
// "yearly", "annually", "fortnightly") are often part of a title ("weekly report") and count only
// at the end of the text.
std::optional<Match> match_recurrence(const Tokens& tokens, std::size_t i, const Context& ctx);

// Kind until: "until <date>" (any date quick add reads; inclusive).
std::optional<Match> match_until(const Tokens& tokens, std::size_t i, const Context& ctx);

// Kind count: "for 5 times", "5 times" (1-999).
std::optional<Match> match_count(const Tokens& tokens, std::size_t i);

}  // namespace todo::quickadd::detail
