#pragma once
// Internal: the title is what is left of the text once the recognised phrases are cut out.
#include <string>
#include <string_view>
#include <vector>

#include "quickadd/match.hpp"

namespace todo::quickadd::detail {

// `text` without the tokens of `phrases`, whitespace tidied (one space between words, none at
// the ends, none before punctuation that was glued to the word before it), and without the
// connectors (",", ";", ":", "-", "and", "&") a cut left dangling: between two cut phrases, or
// between a cut phrase and either end of the title.
std::string build_title(std::string_view text, const Tokens& tokens,
                        const std::vector<Match>& phrases);

}  // namespace todo::quickadd::detail
