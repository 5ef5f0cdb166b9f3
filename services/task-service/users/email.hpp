#pragma once
// Email addresses as accounts and notification targets use them: a pragmatic check (what people
// type by mistake), not full RFC 5322, which admits quoted local parts and comments no one uses.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "tasks/field_errors.hpp"

namespace todo::tasksvc {

constexpr std::size_t kMaxEmailLength = 254;      // RFC 5321 path limit
constexpr std::size_t kMaxEmailLocalLength = 64;  // RFC 5321 local-part limit

// Reads the JSON value of an email member named `field`: a string, trimmed of ASCII whitespace,
// valid UTF-8, at most 254 characters, with no whitespace or control characters inside, exactly
// one '@', a non-empty local part of at most 64 bytes, and a domain holding a dot that neither
// starts nor ends it and no empty label. Adds an error under `field` and returns nullopt
// otherwise (null counts as missing: "<field> is required").
std::optional<std::string> read_email(const std::string& field, const nlohmann::json& value,
                                      errors::FieldErrors& errors);

// What makes two addresses the same account: ASCII lower-case of the (trimmed) address.
// Non-ASCII letters are left alone, so the key never depends on a database collation.
std::string email_key(const std::string& email);

// The part before the '@' (the whole address if there is none).
std::string email_local_part(const std::string& email);

}  // namespace todo::tasksvc
