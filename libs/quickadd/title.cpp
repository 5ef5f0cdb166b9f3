#include "quickadd/title.hpp"

namespace todo::quickadd::detail {
namespace {

// Words that only join the phrase to the title. Dashes include the en and em dash and "--",
// which phones and word processors turn into one another.
bool is_connector(const Token& token) {
  const std::string& w = token.word;
  return w == "," || w == ";" || w == "-" || w == "--" || w == "and" || w == "&" || w == ":" ||
         w == "\xE2\x80\x93" || w == "\xE2\x80\x94";
}

}  // namespace

std::string build_title(std::string_view text, const Tokens& tokens,
                        const std::vector<Match>& phrases) {
  const std::size_t n = tokens.size();
  std::vector<bool> cut(n, false);
  for (const Match& phrase : phrases) {
    for (std::size_t t = phrase.first; t < phrase.last && t < n; ++t) cut[t] = true;
  }
  // Dangling connectors: next to a cut, with nothing but cuts or connectors on that side.
  std::vector<bool> keep(n, false);
  for (std::size_t t = 0; t < n; ++t) keep[t] = !cut[t];
  for (std::size_t t = 0; t < n; ++t) {
    if (cut[t] || !is_connector(tokens[t])) continue;
    const bool cut_before = t > 0 && cut[t - 1];
    const bool cut_after = t + 1 < n && cut[t + 1];
    bool words_before = false;
    for (std::size_t k = 0; k < t; ++k) words_before |= keep[k] && !is_connector(tokens[k]);
    bool words_after = false;
    for (std::size_t k = t + 1; k < n; ++k) words_after |= keep[k] && !is_connector(tokens[k]);
    const bool next_to_cut = cut_before || cut_after;
    if ((cut_before && cut_after) || (next_to_cut && (!words_before || !words_after))) {
      keep[t] = false;
    }
  }
  std::string title;
  bool any = false;
  for (std::size_t t = 0; t < n; ++t) {
    if (!keep[t]) continue;
    const bool glued = t > 0 && tokens[t].begin == tokens[t - 1].end && is_punctuation(tokens[t]);
    const bool adjacent_glued = t > 0 && keep[t - 1] && tokens[t].begin == tokens[t - 1].end;
    if (any && !glued && !adjacent_glued) title += ' ';
    title.append(text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin));
    any = true;
  }
  return title;
}

}  // namespace todo::quickadd::detail
