#pragma once
// UTF-8 as this platform reads and measures it, in one place: titles and tags are limited in
// code points, stored and written text must be well-formed, excerpts are cut at character
// boundaries, and the web app's highlights are UTF-16 offsets (what JavaScript strings count).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace todo::text {

// The number of code points of well-formed UTF-8, or nullopt for anything else: a stray
// continuation byte, a truncated sequence, an overlong form, a surrogate, or past U+10FFFF.
std::optional<std::size_t> utf8_length(std::string_view text);

// True when `text` is well-formed UTF-8 (utf8_length has a value).
inline bool is_utf8(std::string_view text) {
  return utf8_length(text).has_value();
}

// The first `max_code_points` characters of `text` (all of it when shorter), never cutting one.
std::string utf8_prefix(std::string_view text, std::size_t max_code_points);

// The UTF-16 offset of byte `byte_offset` of UTF-8 `text`.
std::size_t utf16_offset(std::string_view text, std::size_t byte_offset);

}  // namespace todo::text
