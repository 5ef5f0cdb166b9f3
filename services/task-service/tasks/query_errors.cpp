#include "tasks/query_errors.hpp"

#include <nlohmann/json.hpp>

#include "http/problem.hpp"
#include "tasks/sql_values.hpp"

namespace todo::tasksvc {

void QueryErrors::add(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

void QueryErrors::throw_if_any() const {
  if (errors_.empty()) return;
  nlohmann::json list = nlohmann::json::array();
  for (const Error& e : errors_) list.push_back({{"field", e.field}, {"message", e.message}});
  throw http::ProblemError(400, "Invalid query parameter", errors_.front().message,
                           {{"errors", list}});
}

std::string quoted_input(const std::string& text) {
  constexpr std::size_t kMaxShown = 64;  // code points
  if (!is_clean_text(text)) return "(unprintable)";
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // A byte that is not a UTF-8 continuation byte starts a character; cut only there.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && characters++ == kMaxShown) {
      return text.substr(0, i) + "...";
    }
  }
  return text;
}

void throw_query_error(const std::string& field, const std::string& message) {
  QueryErrors errors;
  errors.add(field, message);
  errors.throw_if_any();
  throw std::logic_error("unreachable");  // keeps [[noreturn]] honest for the compiler
}

}  // namespace todo::tasksvc
