#pragma once
// Internal: the input split into words, each with its byte range, so a recognised phrase can be
// cut out of the title and reported with its position.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace todo::quickadd::detail {

struct Token {
  std::size_t begin = 0;  // byte offsets into the input: [begin, end)
  std::size_t end = 0;
  std::string word;  // the text with ASCII letters lower-cased
};

// Splits at ASCII whitespace. ',' and ';' are tokens of their own, and so is each '.', '!', '?'
// ')' or ':' ending a word ("friday." is "friday" and "."), so punctuation never hides a phrase.
std::vector<Token> tokenize(std::string_view text);

// A token that is only punctuation: what may follow a phrase that must end the text.
bool is_punctuation(const Token& token);

}  // namespace todo::quickadd::detail
