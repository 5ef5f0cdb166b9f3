#include "tasks/field_errors.hpp"

#include <nlohmann/json.hpp>

#include "http/problem.hpp"

namespace todo::tasks {

void FieldErrors::add(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

void FieldErrors::throw_if_any() const {
  if (errors_.empty()) return;
  nlohmann::json list = nlohmann::json::array();
  for (const FieldError& error : errors_) {
    list.push_back({{"field", error.field}, {"message", error.message}});
  }
  throw http::ProblemError(422, "Validation failed", errors_.front().message, {{"errors", list}});
}

std::string indexed(const std::string& field, std::size_t index) {
  return field + "[" + std::to_string(index) + "]";
}

const nlohmann::json& member_or_null(const nlohmann::json& body, const char* name) {
  static const nlohmann::json null_value = nullptr;
  const auto it = body.find(name);
  return it == body.end() ? null_value : *it;
}

void require_object(const nlohmann::json& body) {
  if (body.is_object()) return;
  FieldErrors errors;
  errors.add("", "the body must be a JSON object");
  errors.throw_if_any();
}

}  // namespace todo::tasks
