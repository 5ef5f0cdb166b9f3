#pragma once
// The errors libraries and services throw when an operation cannot be done, independent of
// how it was asked for. The edges translate them, each in one place: libs/http answers them
// as RFC 9457 problems (http/problem.hpp: problem_for), libs/dapr answers a pub/sub delivery
// that raised one with DROP, since the same input would fail the same way again.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace todo::errors {

struct FieldError {
  std::string field;    // JSON path or parameter name: "title", "tags[2]", "reminders[1].at"
  std::string message;  // a whole sentence naming the field: "title is required"
};

// Base of every domain error; what() is the detail a user reads.
class DomainError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Errors that list every problem at once, so a user fixes them all in one go.
class FieldsError : public DomainError {
 public:
  explicit FieldsError(std::vector<FieldError> fields)
      : DomainError(fields.empty() ? std::string("invalid input") : fields.front().message),
        fields_(std::move(fields)) {}
  const std::vector<FieldError>& fields() const { return fields_; }

 private:
  std::vector<FieldError> fields_;
};

// Input that is well-formed but breaks the domain's rules (HTTP 422).
class ValidationFailed : public FieldsError {
 public:
  using FieldsError::FieldsError;
};

// A query (filters, sort, cursor) that cannot be read at all (HTTP 400).
class InvalidQuery : public FieldsError {
 public:
  using FieldsError::FieldsError;
};

// A message from another service that does not have the agreed shape; it never will.
class MalformedMessage : public DomainError {
 public:
  using DomainError::DomainError;
};

// The thing does not exist, or the caller may not see it (both answer alike: 404).
class NotFound : public DomainError {
 public:
  using DomainError::DomainError;
};

// The thing changed meanwhile, or is in a state that does not allow the operation (409).
class Conflict : public DomainError {
 public:
  explicit Conflict(const std::string& detail,
                    std::optional<std::int64_t> current_version = std::nullopt)
      : DomainError(detail), current_version_(current_version) {}
  // Set when the caller's version precondition failed: the version it should reload.
  std::optional<std::int64_t> current_version() const { return current_version_; }

 private:
  std::optional<std::int64_t> current_version_;
};

// The caller may not do this (a quota, a rule of the account) (403). `reason` is a short
// title ("Task limit reached"), what() the explanation.
class Forbidden : public DomainError {
 public:
  Forbidden(std::string reason, const std::string& detail)
      : DomainError(detail), reason_(std::move(reason)) {}
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

}  // namespace todo::errors
