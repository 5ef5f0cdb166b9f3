#pragma once
// An account as the API shows it. The password hash never leaves users/user_store.cpp except as
// the second member of UserStore::find_by_email, for login.
#include <nlohmann/json.hpp>
#include <string>

namespace todo::tasksvc {

struct User {
  std::string id;           // UUID
  std::string email;        // as registered (trimmed; case kept)
  std::string name;         // display name
  std::string time_zone;    // IANA name: "today" and local due times are computed in it
  nlohmann::json channels;  // stored shape (users/channels.hpp): email.address may be null
  std::string created_at;   // RFC 3339 UTC, whole seconds
};

// {"id", "email", "name", "time_zone", "channels" (effective: the email address filled in),
//  "created_at"}.
nlohmann::json to_json(const User& user);

}  // namespace todo::tasksvc
