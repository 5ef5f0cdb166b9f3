#include "tasks/field_errors.hpp"

namespace todo::tasks {

const nlohmann::json& member_or_null(const nlohmann::json& body, const char* name) {
  static const nlohmann::json kNull = nullptr;
  const auto it = body.find(name);
  return it == body.end() ? kNull : *it;
}

void require_object(const nlohmann::json& body) {
  if (body.is_object()) return;
  FieldErrors errors;
  errors.add("", "the body must be a JSON object");
  errors.throw_if_any();
}

}  // namespace todo::tasks
