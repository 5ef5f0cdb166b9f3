#include "errors/field_errors.hpp"

namespace todo::errors {

void FieldErrors::add(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

void FieldErrors::throw_if_any() const {
  if (!errors_.empty()) throw ValidationFailed(errors_);
}

void FieldErrors::throw_query_error_if_any() const {
  if (!errors_.empty()) throw InvalidQuery(errors_);
}

std::string indexed(const std::string& field, std::size_t index) {
  return field + "[" + std::to_string(index) + "]";
}

}  // namespace todo::errors
