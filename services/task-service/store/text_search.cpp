#include "store/text_search.hpp"

#include <vector>

namespace todo::tasksvc {
namespace {

bool word_byte(unsigned char c) {
  // Bytes >= 0x80 belong to multi-byte UTF-8 characters: letters of most scripts, which the
  // 'simple' parser keeps inside words, so splitting there would break "café" or "日本".
  // Explicit ASCII ranges: std::isalnum would depend on the process locale.
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::optional<std::string> prefix_tsquery(const std::string& q) {
  std::vector<std::string> words;
  std::string current;
  for (const char c : q) {
    if (word_byte(static_cast<unsigned char>(c))) {
      current += c;
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  if (words.empty()) return std::nullopt;

  std::string query;
  for (const std::string& word : words) {
    if (!query.empty()) query += " & ";
    // Quoted although the word holds no quote or backslash: the quotes keep any non-ASCII
    // character a plain lexeme, whatever it is.
    query += '\'' + word + "':*";
  }
  return query;
}

std::string ilike_contains(const std::string& q) {
  std::string pattern = "%";
  for (const char c : q) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace todo::tasksvc
