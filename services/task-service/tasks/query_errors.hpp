#pragma once
// Internal: problems with query parameters, collected so one answer lists them all. Unlike body
// validation (422), a bad query string is a 400: the request itself is malformed.
#include <string>
#include <vector>

namespace todo::tasksvc {

class QueryErrors {
 public:
  void add(std::string field, std::string message);
  bool empty() const { return errors_.empty(); }

  // When any error was added, throws todo::http::ProblemError 400 "Invalid query parameter",
  // detail = the first message, extra {"errors": [{"field", "message"}, ...]}.
  void throw_if_any() const;

 private:
  struct Error {
    std::string field;
    std::string message;
  };
  std::vector<Error> errors_;
};

// A piece of the request fit to quote in a message: at most 64 characters (then "..."), and
// "(unprintable)" for text that is not UTF-8 or holds control characters, which a JSON answer
// could not carry.
std::string quoted_input(const std::string& text);

// Throws the 400 above for a single problem.
[[noreturn]] void throw_query_error(const std::string& field, const std::string& message);

}  // namespace todo::tasksvc
