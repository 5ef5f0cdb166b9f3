#pragma once
// The bodies of the account routes, checked before anything is hashed or stored. Every function
// collects all field errors and throws one errors::ValidationFailed listing them as
// {field, message} (errors::FieldErrors; the API answers 422). Unknown members are
// errors too ("colour is not a known field"), so a typo never passes silently.
#include <nlohmann/json.hpp>
#include <string>

namespace todo::tasksvc {

constexpr std::size_t kMinPasswordLength = 8;    // code points
constexpr std::size_t kMaxPasswordLength = 128;  // code points
constexpr std::size_t kMaxNameLength = 100;      // code points, after trimming

struct SignupInput {
  std::string email;      // trimmed, checked by read_email
  std::string password;   // exactly as sent (never trimmed): 8-128 code points of valid UTF-8
  std::string name;       // trimmed; the email's local part when absent or null
  std::string time_zone;  // a valid IANA name; "UTC" when absent or null
};

// {"email", "password", "name"?, "time_zone"?}.
// time_zone is optional: a client that cannot tell the browser's zone can still sign up, and the
// user sets it later (PATCH /api/v1/me). When given it must be valid; no silent fallback then.
SignupInput validate_signup(const nlohmann::json& body);

struct LoginInput {
  std::string email;  // trimmed, not format-checked: an address that cannot exist is just not found
  std::string password;
};

// {"email", "password"}: both non-empty strings. Shape only; wrong credentials are a 401 later.
LoginInput validate_login(const nlohmann::json& body);

// {"token"}: the token of an email-verification link, a non-empty string (checked later).
std::string validate_verification_request(const nlohmann::json& body);

// {"refresh_token"}: a non-empty string (the body of /auth/refresh and /auth/logout).
std::string validate_refresh_request(const nlohmann::json& body);

// A PATCH /api/v1/me body: any of {"name", "time_zone", "channels"}; none may be null. Returns
// the normalized patch holding only the members sent: name trimmed, channels as
// read_channels_patch returns them (partial; merged with the stored ones by UserStore).
// id, email, password and created_at are named read-only.
nlohmann::json validate_profile_patch(const nlohmann::json& body);

}  // namespace todo::tasksvc
