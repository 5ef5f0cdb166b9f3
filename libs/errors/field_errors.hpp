#pragma once
// Collects every problem of an input before answering, so a user fixes them all in one go.
#include <string>
#include <vector>

#include "errors/domain_error.hpp"

namespace todo::errors {

class FieldErrors {
 public:
  void add(std::string field, std::string message);
  bool empty() const { return errors_.empty(); }
  const std::vector<FieldError>& all() const { return errors_; }

  // When any error was added, throws ValidationFailed listing all of them.
  void throw_if_any() const;
  // When any error was added, throws InvalidQuery listing all of them.
  void throw_query_error_if_any() const;

 private:
  std::vector<FieldError> errors_;
};

// "reminders" + 1 -> "reminders[1]".
std::string indexed(const std::string& field, std::size_t index);

}  // namespace todo::errors
