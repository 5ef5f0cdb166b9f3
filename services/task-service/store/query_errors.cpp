#include "store/query_errors.hpp"

#include "store/sql_values.hpp"
#include "text/utf8.hpp"

namespace todo::tasksvc {

std::string quoted_input(const std::string& text) {
  constexpr std::size_t kMaxShown = 64;  // code points
  if (!is_clean_text(text)) return "(unprintable)";
  if (text::utf8_length(text).value_or(0) <= kMaxShown) return text;
  return text::utf8_prefix(text, kMaxShown) + "...";
}

void throw_query_error(const std::string& field, const std::string& message) {
  throw errors::InvalidQuery({{field, message}});
}

}  // namespace todo::tasksvc
