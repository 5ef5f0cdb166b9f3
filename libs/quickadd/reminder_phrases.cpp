#include "quickadd/reminder_phrases.hpp"

#include "quickadd/time_phrases.hpp"
#include "quickadd/words.hpp"

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;

constexpr seconds kMaxBefore{365L * 86400};

bool word_at(const Tokens& tokens, std::size_t i, const char* word) {
  return i < tokens.size() && tokens[i].word == word;
}

// "1 day", "30 min", "an hour", "2h": the span and the token after it.
std::optional<std::pair<seconds, std::size_t>> read_span(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  if (const auto compact = compact_duration(tokens[i].word)) return std::make_pair(*compact, i + 1);
  const auto count = count_word(tokens[i].word, true);
  if (!count || i + 1 >= tokens.size()) return std::nullopt;
  const auto unit = duration_unit(tokens[i + 1].word);
  if (!unit) return std::nullopt;
  return std::make_pair(*unit * *count, i + 2);
}

}  // namespace

std::optional<Match> match_reminder(const Tokens& tokens, std::size_t i) {
  if (!word_at(tokens, i, "remind")) return std::nullopt;
  std::size_t j = i + 1;
  if (word_at(tokens, j, "me")) ++j;
  Match match;
  match.kind = MatchKind::reminder;
  match.first = i;
  if (word_at(tokens, j, "at")) {
    const auto time = read_time(tokens, j + 1);
    if (!time) return std::nullopt;
    match.time_of_day = time->time_of_day;
    match.last = time->next;
    return match;
  }
  const auto span = read_span(tokens, j);
  if (!span || !word_at(tokens, span->second, "before")) return std::nullopt;
  if (span->first <= seconds{0} || span->first > kMaxBefore) return std::nullopt;
  match.before = span->first;
  match.last = span->second + 1;
  return match;
}

}  // namespace todo::quickadd::detail
