#include "users/email.hpp"

#include <algorithm>

#include "tasks/text.hpp"
#include "text/utf8.hpp"

namespace todo::tasksvc {
namespace {

bool domain_is_plausible(const std::string& domain) {
  if (domain.empty() || domain.find('.') == std::string::npos) return false;
  if (domain.front() == '.' || domain.back() == '.') return false;
  return domain.find("..") == std::string::npos;
}

}  // namespace

std::optional<std::string> read_email(const std::string& field, const nlohmann::json& value,
                                      errors::FieldErrors& errors) {
  if (value.is_null()) {
    errors.add(field, field + " is required");
    return std::nullopt;
  }
  if (!value.is_string()) {
    errors.add(field, field + " must be a string");
    return std::nullopt;
  }
  const std::string email = tasks::trim_ascii_whitespace(value.get<std::string>());
  const auto length = text::utf8_length(email);
  if (email.empty()) {
    errors.add(field, field + " is required");
    return std::nullopt;
  }
  if (!length) {
    errors.add(field, field + " must be valid UTF-8");
    return std::nullopt;
  }
  if (*length > kMaxEmailLength) {
    errors.add(field, field + " must be at most 254 characters");
    return std::nullopt;
  }
  const bool has_space_or_control =
      tasks::has_control_characters(email, false) ||
      std::any_of(email.begin(), email.end(), [](char c) { return tasks::is_ascii_whitespace(c); });
  const size_t at = email.find('@');
  const bool one_at = at != std::string::npos && email.find('@', at + 1) == std::string::npos;
  if (has_space_or_control || !one_at || at == 0 || at > kMaxEmailLocalLength ||
      !domain_is_plausible(email.substr(at + 1))) {
    errors.add(field, field + " must be an email address such as name@example.com");
    return std::nullopt;
  }
  return email;
}

std::string email_key(const std::string& email) {
  std::string key = email;
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

std::string email_local_part(const std::string& email) {
  return email.substr(0, email.find('@'));
}

}  // namespace todo::tasksvc
