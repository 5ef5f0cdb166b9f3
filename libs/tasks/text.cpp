#include "tasks/text.hpp"

namespace todo::tasks {

bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string trim_ascii_whitespace(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_ascii_whitespace(text[begin])) ++begin;
  while (end > begin && is_ascii_whitespace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

bool has_control_characters(std::string_view text, bool allow_line_breaks) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) {
      const bool line_break = byte == '\t' || byte == '\n' || byte == '\r';
      if (!(allow_line_breaks && line_break)) return true;
    }
    // C1 controls are U+0080-U+009F, encoded as C2 80 .. C2 9F.
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

}  // namespace todo::tasks
