#pragma once
// Internal: problems with query parameters. Unlike body validation (422), a bad query string is
// a 400: the request itself is malformed (errors::InvalidQuery, collected by errors::FieldErrors
// so one answer lists them all).
#include <string>

#include "errors/field_errors.hpp"

namespace todo::tasksvc {

// A piece of the request fit to quote in a message: at most 64 characters (then "..."), and
// "(unprintable)" for text that is not UTF-8 or holds control characters, which a JSON answer
// could not carry.
std::string quoted_input(const std::string& text);

// Throws errors::InvalidQuery for a single problem.
[[noreturn]] void throw_query_error(const std::string& field, const std::string& message);

}  // namespace todo::tasksvc
