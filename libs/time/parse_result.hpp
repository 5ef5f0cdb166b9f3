#pragma once
// The outcome of parsing user input: a value, or a sentence saying what is wrong with the input.
// Parsers return it instead of throwing, so validators can collect every problem of a request
// and answer them all at once.
#include <optional>
#include <string>
#include <utility>

namespace todo {

struct ParseError {
  std::string message;
};

template <class T>
class ParseResult {
 public:
  // Implicit on purpose: a parser simply `return value;` or `return ParseError{"..."};`.
  ParseResult(T value) : value_(std::move(value)) {}                   // NOLINT
  ParseResult(ParseError error) : error_(std::move(error.message)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }

  // Precondition: ok(). Throws std::bad_optional_access otherwise.
  const T& value() const { return value_.value(); }
  T& value() { return value_.value(); }
  const T& operator*() const { return value(); }
  const T* operator->() const { return &value(); }

  // Empty when ok().
  const std::string& error() const { return error_; }

 private:
  std::optional<T> value_;
  std::string error_;
};

}  // namespace todo
