#pragma once
// Text checks for user-written fields (lengths in code points: text/utf8.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace todo::tasks {

// `text` without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
std::string trim_ascii_whitespace(std::string_view text);

bool is_ascii_whitespace(char c);

// True when `text` holds a C0 control (U+0000-U+001F), DEL (U+007F) or a C1 control
// (U+0080-U+009F). With `allow_line_breaks`, \t, \n and \r are fine (multi-line descriptions).
bool has_control_characters(std::string_view text, bool allow_line_breaks);

}  // namespace todo::tasks
