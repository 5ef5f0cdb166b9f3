#include "json/bounded_parse.hpp"

#include <stdexcept>
#include <string>

namespace todo::json {

bool nesting_within(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > max_depth) return false;
        break;
      case ']':
      case '}':
        --depth;
        break;
      default:
        break;
    }
  }
  return true;
}

nlohmann::json parse(std::string_view text, ParseFailure* why, int max_depth) {
  if (why) *why = ParseFailure::none;
  if (!nesting_within(text, max_depth)) {
    if (why) *why = ParseFailure::too_deep;
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
  auto value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() && why) *why = ParseFailure::malformed;
  return value;
}

nlohmann::json parse_or_throw(std::string_view text, const char* what) {
  ParseFailure why = ParseFailure::none;
  auto value = parse(text, &why);
  if (why == ParseFailure::too_deep) {
    throw std::invalid_argument(std::string(what) + " nests JSON deeper than " +
                                std::to_string(kMaxDepth) + " levels");
  }
  if (why == ParseFailure::malformed) {
    throw std::invalid_argument(std::string(what) + " is not valid JSON");
  }
  return value;
}

}  // namespace todo::json
