#pragma once
// Internal: finding the phrases of a text and deciding which of them count.
#include <vector>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// Every phrase, left to right, without overlaps: at each token the first matcher that fits
// wins (reminder, recurrence, until, count, priority, tag, due, time) and the scan continues
// after it.
std::vector<Match> find_phrases(const Tokens& tokens, const Context& ctx);

// The phrases that count, in text order:
// - a trailing-only phrase counts when only counted phrases and punctuation follow it (checked
//   from the end, so "Dentist friday noon" keeps both);
// - due, time, recurrence, until, count and priority count once: the first one wins and later
//   ones stay in the title. Tags and reminders may repeat.
std::vector<Match> accept_phrases(const Tokens& tokens, const std::vector<Match>& found);

}  // namespace todo::quickadd::detail
