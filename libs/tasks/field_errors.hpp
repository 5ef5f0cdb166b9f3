#pragma once
// Collects every problem of a request body before answering, so a user fixes them all in one go.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace todo::tasks {

struct FieldError {
  std::string field;    // JSON path: "title", "tags[2]", "reminders[1].at"
  std::string message;  // a whole sentence naming the field: "title is required"
};

class FieldErrors {
 public:
  void add(std::string field, std::string message);
  bool empty() const { return errors_.empty(); }
  const std::vector<FieldError>& all() const { return errors_; }

  // When any error was added, throws todo::http::ProblemError 422 "Validation failed" whose
  // detail is the first message and whose "errors" member lists all as {"field", "message"}.
  void throw_if_any() const;

 private:
  std::vector<FieldError> errors_;
};

// A body member, or null when it is missing: for validation both mean "not given".
const nlohmann::json& member_or_null(const nlohmann::json& body, const char* name);

// Throws the 422 (field "") unless the body is a JSON object.
void require_object(const nlohmann::json& body);

// "reminders" + 1 -> "reminders[1]".
std::string indexed(const std::string& field, std::size_t index);

}  // namespace todo::tasks
