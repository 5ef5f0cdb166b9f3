#include "quickadd/utf16.hpp"

namespace todo::quickadd::detail {

std::size_t utf16_offset(std::string_view text, std::size_t byte_offset) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    units += byte >= 0xF0 ? 2 : 1;        // four-byte sequences need a surrogate pair
  }
  return units;
}

}  // namespace todo::quickadd::detail
