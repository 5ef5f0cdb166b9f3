#pragma once
// Internal: positions as JavaScript counts them. A browser indexes strings in UTF-16 code units,
// so "☕" is one unit and "🎉" two; part offsets use that unit so a client can highlight them.
#include <cstddef>
#include <string_view>

namespace todo::quickadd::detail {

// The UTF-16 offset of byte `byte_offset` of the UTF-8 `text` (a code point boundary).
// Code points of four UTF-8 bytes count two units, all others one.
std::size_t utf16_offset(std::string_view text, std::size_t byte_offset);

}  // namespace todo::quickadd::detail
