#pragma once
// Text checks for user-written fields: lengths are counted in Unicode code points (what a person
// calls characters, near enough), not bytes, so "ü" is one character, not two.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace todo::tasks {

// The number of code points, or nullopt when `text` is not well-formed UTF-8 (overlong forms,
// surrogates and values past U+10FFFF count as malformed).
std::optional<std::size_t> utf8_length(std::string_view text);

// `text` without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
std::string trim_ascii_whitespace(std::string_view text);

bool is_ascii_whitespace(char c);

// True when `text` holds a C0 control (U+0000-U+001F), DEL (U+007F) or a C1 control
// (U+0080-U+009F). With `allow_line_breaks`, \t, \n and \r are fine (multi-line descriptions).
bool has_control_characters(std::string_view text, bool allow_line_breaks);

}  // namespace todo::tasks
