#include "quickadd/scan.hpp"

#include <set>

#include "quickadd/date_phrases.hpp"
#include "quickadd/marker_phrases.hpp"
#include "quickadd/recurrence_phrases.hpp"
#include "quickadd/reminder_phrases.hpp"
#include "quickadd/time_phrases.hpp"

namespace todo::quickadd::detail {

std::vector<Match> find_phrases(const Tokens& tokens, const Context& ctx) {
  std::vector<Match> found;
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::optional<Match> match = match_reminder(tokens, i, ctx);
    if (!match) match = match_recurrence(tokens, i, ctx);
    if (!match) match = match_until(tokens, i, ctx);
    if (!match) match = match_count(tokens, i);
    if (!match) match = match_priority(tokens, i);
    if (!match) match = match_tag(tokens, i);
    if (!match) match = match_due(tokens, i, ctx);
    if (!match) match = match_times(tokens, i);  // "at 8am and 8pm" before "at 8am"
    if (!match) match = match_time(tokens, i);
    if (match && match->last > i) {
      found.push_back(*match);
      i = match->last;
    } else {
      ++i;
    }
  }
  return found;
}

std::vector<Match> accept_phrases(const Tokens& tokens, const std::vector<Match>& found) {
  std::vector<bool> covered(tokens.size(), false);
  std::vector<bool> accepted(found.size(), false);
  for (std::size_t m = 0; m < found.size(); ++m) {
    if (found[m].trailing_only) continue;
    accepted[m] = true;
    for (std::size_t t = found[m].first; t < found[m].last; ++t) covered[t] = true;
  }
  for (std::size_t m = found.size(); m-- > 0;) {
    if (!found[m].trailing_only) continue;
    bool tail_clear = true;
    for (std::size_t t = found[m].last; t < tokens.size() && tail_clear; ++t) {
      tail_clear = covered[t] || is_punctuation(tokens[t]);
    }
    if (!tail_clear) continue;
    accepted[m] = true;
    for (std::size_t t = found[m].first; t < found[m].last; ++t) covered[t] = true;
  }

  std::vector<Match> result;
  std::set<MatchKind> seen;
  for (std::size_t m = 0; m < found.size(); ++m) {
    if (!accepted[m]) continue;
    const MatchKind kind = found[m].kind;
    const bool repeats = kind == MatchKind::tag || kind == MatchKind::reminder;
    if (!repeats && !seen.insert(kind).second) continue;
    result.push_back(found[m]);
  }
  return result;
}

}  // namespace todo::quickadd::detail
