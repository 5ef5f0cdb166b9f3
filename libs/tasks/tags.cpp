#include "tasks/tags.hpp"

#include <algorithm>

#include "tasks/text.hpp"
#include "text/utf8.hpp"

namespace todo::tasks {
namespace {

bool allowed_tag_byte(unsigned char c) {
  const bool ascii_word =
      (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  return ascii_word || c >= 0x80;
}

}  // namespace

ParseResult<std::string> normalize_tag(const std::string& raw) {
  std::string text = trim_ascii_whitespace(raw);
  if (!text.empty() && text[0] == '#') text = trim_ascii_whitespace(text.substr(1));

  std::string out;
  bool pending_dash = false;
  for (char c : text) {
    if (is_ascii_whitespace(c)) {
      pending_dash = true;  // a whole run of spaces becomes one '-'
      continue;
    }
    if (pending_dash) out += '-';
    pending_dash = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }

  if (out.empty()) return ParseError{"a tag must not be empty"};
  const auto bad = std::find_if(out.begin(), out.end(), [](char c) {
    return !allowed_tag_byte(static_cast<unsigned char>(c));
  });
  if (bad != out.end()) {
    return ParseError{std::string("'") + *bad +
                      "' is not allowed in a tag (use letters, digits, '-', '_' or '.')"};
  }
  const auto length = text::utf8_length(out);
  if (!length) return ParseError{"a tag must be valid UTF-8"};
  if (*length > kMaxTagLength) {
    return ParseError{"a tag must be at most " + std::to_string(kMaxTagLength) + " characters"};
  }
  if (has_control_characters(out, false))
    return ParseError{"a tag must not hold control characters"};
  return out;
}

std::vector<std::string> dedupe_tags(const std::vector<std::string>& normalized) {
  std::vector<std::string> unique;
  for (const std::string& tag : normalized) {
    if (std::find(unique.begin(), unique.end(), tag) == unique.end()) unique.push_back(tag);
  }
  return unique;
}

}  // namespace todo::tasks
