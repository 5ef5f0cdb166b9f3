#include "quickadd/marker_phrases.hpp"

#include <algorithm>
#include <cctype>

#include "tasks/tags.hpp"

namespace todo::quickadd::detail {

std::optional<Match> match_priority(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  struct Spelling {
    const char* word;
    tasks::Priority priority;
  };
  static const Spelling kSpellings[] = {
      {"p1", tasks::Priority::urgent},      {"p2", tasks::Priority::high},
      {"p3", tasks::Priority::medium},      {"p4", tasks::Priority::low},
      {"!urgent", tasks::Priority::urgent}, {"!high", tasks::Priority::high},
      {"!medium", tasks::Priority::medium}, {"!low", tasks::Priority::low}};
  for (const auto& spelling : kSpellings) {
    if (tokens[i].word == spelling.word) {
      Match match;
      match.kind = MatchKind::priority;
      match.first = i;
      match.last = i + 1;
      match.priority = spelling.priority;
      return match;
    }
  }
  return std::nullopt;
}

std::optional<Match> match_tag(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const std::string& word = tokens[i].word;
  if (word.size() < 2 || word[0] != '#' || word[1] == '#') return std::nullopt;
  const std::string name = word.substr(1);
  const bool only_digits = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  if (only_digits) return std::nullopt;
  const auto tag = tasks::normalize_tag(name);
  if (!tag) return std::nullopt;  // "#home/garden", "##": the task API would refuse the tag
  Match match;
  match.kind = MatchKind::tag;
  match.first = i;
  match.last = i + 1;
  match.tag = *tag;
  return match;
}

}  // namespace todo::quickadd::detail
