#pragma once
// What notification-service knows about each account, kept from `user-events`
// (todo.user.updated.v1) in its own state store under `profile-<user id>`: the channels the
// user chose, their targets and time zone. It never reads task-service's database.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "dapr/state_store.hpp"
#include "events/user_event.hpp"

namespace todo::notify {

struct ChannelChoice {
  bool email = true;
  std::string email_address;    // empty: email cannot be sent
  bool email_verified = false;  // its owner opened a verification link; nothing is sent before
  bool push = false;
  std::string push_topic;  // the user's ntfy topic
  bool in_app = true;
  // Firebase Cloud Messaging with the user's own project: the device's registration token, the
  // project, and their service-account key file sealed (auth::CredentialBox).
  bool fcm = false;
  std::string fcm_device_token, fcm_project_id, fcm_credentials;
};

struct Profile {
  std::string user_id;
  std::string time_zone = "UTC";
  ChannelChoice channels;
  std::int64_t version = 0;
};

Profile profile_from(const events::UserUpdated& event);
Profile profile_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Profile& p);
std::string profile_key(const std::string& user_id);

// A user event's version is task-service's clock in microseconds when the change committed.
// One from further ahead than this cannot be real: stored, it would outrank every later change
// and lock the user out of their own settings.
inline constexpr std::chrono::minutes kMaxVersionAhead{5};

class ProfileProjection {
 public:
  explicit ProfileProjection(
      dapr::StateStore& store,
      std::function<std::chrono::system_clock::time_point()> clock = std::chrono::system_clock::now)
      : store_(store), clock_(std::move(clock)) {}
  // Stores the event's version unless a newer one is stored. Returns false when it was older.
  // Throws errors::MalformedMessage for a version from the future (kMaxVersionAhead).
  bool apply(const events::UserUpdated& event);
  std::optional<Profile> get(const std::string& user_id);

 private:
  dapr::StateStore& store_;
  std::function<std::chrono::system_clock::time_point()> clock_;
};

}  // namespace todo::notify
