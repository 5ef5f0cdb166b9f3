#include "users/profile_validation.hpp"

#include <set>

#include "auth/password_strength.hpp"
#include "tasks/field_errors.hpp"
#include "tasks/text.hpp"
#include "text/utf8.hpp"
#include "time/time_zone.hpp"
#include "users/channels.hpp"
#include "users/email.hpp"

namespace todo::tasksvc {
namespace {

using errors::FieldErrors;
using tasks::member_or_null;
using tasks::require_object;

void check_member_names(const nlohmann::json& body, const std::set<std::string>& writable,
                        const std::set<std::string>& read_only, FieldErrors& errors) {
  for (const auto& item : body.items()) {
    if (writable.count(item.key())) continue;
    errors.add(item.key(), item.key() + (read_only.count(item.key()) ? " is read-only"
                                                                     : " is not a known field"));
  }
}

std::optional<std::string> read_password(const nlohmann::json& value, FieldErrors& errors) {
  if (value.is_null()) {
    errors.add("password", "password is required");
    return std::nullopt;
  }
  if (!value.is_string()) {
    errors.add("password", "password must be a string");
    return std::nullopt;
  }
  const auto& password = value.get_ref<const std::string&>();
  const auto length = text::utf8_length(password);
  if (!length) {
    errors.add("password", "password must be valid UTF-8");
  } else if (*length < kMinPasswordLength) {
    errors.add("password", "password must be at least 8 characters");
  } else if (*length > kMaxPasswordLength) {
    errors.add("password", "password must be at most 128 characters");
  } else {
    return password;
  }
  return std::nullopt;
}

std::optional<std::string> read_name(const nlohmann::json& value, FieldErrors& errors) {
  if (!value.is_string()) {
    errors.add("name", "name must be a string");
    return std::nullopt;
  }
  const std::string name = tasks::trim_ascii_whitespace(value.get_ref<const std::string&>());
  const auto length = text::utf8_length(name);
  if (name.empty()) {
    errors.add("name", "name must not be empty");
  } else if (!length) {
    errors.add("name", "name must be valid UTF-8");
  } else if (tasks::has_control_characters(name, false)) {
    errors.add("name", "name must not contain control characters (such as line breaks)");
  } else if (*length > kMaxNameLength) {
    errors.add("name",
               "name must be at most 100 characters (it has " + std::to_string(*length) + ")");
  } else {
    return name;
  }
  return std::nullopt;
}

std::optional<std::string> read_time_zone(const nlohmann::json& value, FieldErrors& errors) {
  if (!value.is_string()) {
    errors.add("time_zone", "time_zone must be a string such as Europe/London or UTC");
    return std::nullopt;
  }
  if (!time::is_valid_time_zone(value.get<std::string>())) {
    errors.add("time_zone",
               "time_zone must be an IANA time zone name such as Europe/London or UTC");
    return std::nullopt;
  }
  return value.get<std::string>();
}

// A required non-empty string whose content is not judged here (login credentials).
std::optional<std::string> read_present_string(const nlohmann::json& body, const char* name,
                                               FieldErrors& errors) {
  const nlohmann::json& value = member_or_null(body, name);
  if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
    return value.get<std::string>();
  }
  // Missing, null and "" all read as not given.
  const bool wrong_type = !value.is_null() && !value.is_string();
  errors.add(name, std::string(name) + (wrong_type ? " must be a string" : " is required"));
  return std::nullopt;
}

}  // namespace

SignupInput validate_signup(const nlohmann::json& body) {
  require_object(body);
  FieldErrors errors;
  check_member_names(body, {"email", "password", "name", "time_zone"}, {}, errors);
  const auto email = read_email("email", member_or_null(body, "email"), errors);
  const auto password = read_password(member_or_null(body, "password"), errors);
  if (password && email) {
    if (const auto weak = auth::weak_password_reason(*password, *email)) {
      errors.add("password", "password is too easy to guess: " + *weak);
    }
  }
  std::optional<std::string> name;
  if (!member_or_null(body, "name").is_null())
    name = read_name(member_or_null(body, "name"), errors);
  std::optional<std::string> time_zone = std::string("UTC");
  if (!member_or_null(body, "time_zone").is_null()) {
    time_zone = read_time_zone(member_or_null(body, "time_zone"), errors);
  }
  errors.throw_if_any();
  // The local part passed read_email (<= 64 bytes, no controls), so it is a valid name.
  return {*email, *password, name ? *name : email_local_part(*email), *time_zone};
}

LoginInput validate_login(const nlohmann::json& body) {
  require_object(body);
  FieldErrors errors;
  check_member_names(body, {"email", "password"}, {}, errors);
  auto email = read_present_string(body, "email", errors);
  auto password = read_present_string(body, "password", errors);
  if (email) {
    *email = tasks::trim_ascii_whitespace(*email);
    if (email->empty()) errors.add("email", "email is required");
  }
  errors.throw_if_any();
  return {*email, *password};
}

std::string validate_refresh_request(const nlohmann::json& body) {
  require_object(body);
  FieldErrors errors;
  check_member_names(body, {"refresh_token"}, {}, errors);
  auto token = read_present_string(body, "refresh_token", errors);
  errors.throw_if_any();
  return *token;
}

std::string validate_verification_request(const nlohmann::json& body) {
  require_object(body);
  FieldErrors errors;
  check_member_names(body, {"token"}, {}, errors);
  auto token = read_present_string(body, "token", errors);
  errors.throw_if_any();
  return *token;
}

nlohmann::json validate_profile_patch(const nlohmann::json& body) {
  require_object(body);
  FieldErrors errors;
  check_member_names(body, {"name", "time_zone", "channels"},
                     {"id", "email", "password", "created_at"}, errors);
  nlohmann::json patch = nlohmann::json::object();
  const auto present = [&](const char* name) {
    const auto it = body.find(name);
    if (it == body.end()) return false;
    if (!it->is_null()) return true;
    errors.add(name, std::string(name) + " cannot be cleared; leave it out to keep it");
    return false;
  };
  if (present("name")) {
    if (auto name = read_name(body.at("name"), errors)) patch["name"] = *name;
  }
  if (present("time_zone")) {
    if (auto zone = read_time_zone(body.at("time_zone"), errors)) patch["time_zone"] = *zone;
  }
  if (present("channels")) {
    if (auto channels = read_channels_patch(body.at("channels"), errors)) {
      patch["channels"] = *channels;
    }
  }
  // Push switched on and its topic cleared in one patch is wrong whatever is stored.
  if (patch.contains("channels") && patch["channels"].contains("push")) {
    const auto& push = patch["channels"]["push"];
    if (push.value("enabled", false) && push.contains("topic") && push["topic"].is_null()) {
      errors.add("channels.push.topic", "channels.push.topic is required when push is enabled");
    }
  }
  errors.throw_if_any();
  return patch;
}

}  // namespace todo::tasksvc
