#include "quickadd/tokens.hpp"

namespace todo::quickadd::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_separator(char c) {
  return c == ',' || c == ';';
}

bool is_trailing_mark(char c) {
  return c == '.' || c == '!' || c == '?' || c == ')' || c == ':';
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void push(std::vector<Token>& tokens, std::string_view text, std::size_t begin, std::size_t end) {
  tokens.push_back(Token{begin, end, lower_ascii(text.substr(begin, end - begin))});
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    if (is_separator(text[i])) {
      push(tokens, text, i, i + 1);
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]) && !is_separator(text[end])) ++end;
    // Marks at the end of a word are tokens of their own (but a word made only of them stays).
    std::size_t word_end = end;
    while (word_end > i + 1 && is_trailing_mark(text[word_end - 1])) --word_end;
    push(tokens, text, i, word_end);
    for (std::size_t mark = word_end; mark < end; ++mark) push(tokens, text, mark, mark + 1);
    i = end;
  }
  return tokens;
}

bool is_punctuation(const Token& token) {
  if (token.word.empty()) return false;
  for (char c : token.word) {
    if (!is_separator(c) && !is_trailing_mark(c) && c != '-' && c != ':') return false;
  }
  return true;
}

}  // namespace todo::quickadd::detail
