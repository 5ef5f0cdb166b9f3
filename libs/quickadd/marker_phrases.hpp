#pragma once
// Internal: the one-token markers: priorities ("p1".."p4", "!urgent", "!high", "!medium",
// "!low") and tags ("#bills").
#include <optional>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// Kind priority: p1 urgent, p2 high, p3 medium, p4 low; or "!" and the priority's name.
std::optional<Match> match_priority(const Tokens& tokens, std::size_t i);

// Kind tag: '#' and a tag the task API accepts (letters, digits, '-', '_', '.', or non-ASCII),
// with at least one character that is not a digit ("#42" is an issue number, not a tag).
std::optional<Match> match_tag(const Tokens& tokens, std::size_t i);

}  // namespace todo::quickadd::detail
