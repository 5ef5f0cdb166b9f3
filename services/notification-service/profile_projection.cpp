#include "profile_projection.hpp"

#include "dapr/subscriber.hpp"

namespace todo::notify {
namespace {

bool flag(const nlohmann::json& channel, bool fallback) {
  auto it = channel.find("enabled");
  return it != channel.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string text(const nlohmann::json& channel, const char* name) {
  auto it = channel.find(name);
  return it != channel.end() && it->is_string() ? it->get<std::string>() : "";
}

const nlohmann::json& member(const nlohmann::json& j, const char* name) {
  static const nlohmann::json kEmptyObject = nlohmann::json::object();
  auto it = j.find(name);
  return it != j.end() && it->is_object() ? *it : kEmptyObject;
}

}  // namespace

Profile profile_from(const events::UserUpdated& event) {
  Profile p;
  p.user_id = event.user_id;
  p.time_zone = event.time_zone;
  p.version = event.version;
  const auto& email = member(event.channels, "email");
  const auto& push = member(event.channels, "push");
  p.channels.email = flag(email, true);
  p.channels.email_address = text(email, "address");
  // Absent (an event from before verification existed) counts as not verified.
  const auto verified = email.find("verified");
  p.channels.email_verified =
      verified != email.end() && verified->is_boolean() && verified->get<bool>();
  p.channels.push = flag(push, false);
  p.channels.push_topic = text(push, "topic");
  p.channels.in_app = flag(member(event.channels, "in_app"), true);
  const auto& fcm = member(event.channels, "fcm");
  p.channels.fcm = flag(fcm, false);
  p.channels.fcm_device_token = text(fcm, "device_token");
  p.channels.fcm_project_id = text(fcm, "project_id");
  p.channels.fcm_credentials = text(fcm, "credentials");
  return p;
}

nlohmann::json to_json(const Profile& p) {
  return {{"user_id", p.user_id},
          {"time_zone", p.time_zone},
          {"version", p.version},
          {"channels",
           {{"email",
             {{"enabled", p.channels.email},
              {"address", p.channels.email_address},
              {"verified", p.channels.email_verified}}},
            {"push", {{"enabled", p.channels.push}, {"topic", p.channels.push_topic}}},
            {"in_app", {{"enabled", p.channels.in_app}}},
            {"fcm",
             {{"enabled", p.channels.fcm},
              {"device_token", p.channels.fcm_device_token},
              {"project_id", p.channels.fcm_project_id},
              {"credentials", p.channels.fcm_credentials}}}}}};
}

Profile profile_from_json(const nlohmann::json& j) {
  events::UserUpdated e;
  e.user_id = j.value("user_id", "");
  e.time_zone = j.value("time_zone", "UTC");
  e.version = j.value("version", std::int64_t{0});
  e.channels = j.contains("channels") ? j["channels"] : nlohmann::json::object();
  return profile_from(e);
}

std::string profile_key(const std::string& user_id) {
  return "profile-" + user_id;
}

bool ProfileProjection::apply(const events::UserUpdated& event) {
  const auto latest = std::chrono::duration_cast<std::chrono::microseconds>(
                          (clock_() + kMaxVersionAhead).time_since_epoch())
                          .count();
  if (event.version > latest) {
    throw errors::MalformedMessage("user event version " + std::to_string(event.version) +
                                   " is from the future");
  }
  const auto key = profile_key(event.user_id);
  const auto value = to_json(profile_from(event));
  for (int round = 0; round < 5; ++round) {
    auto existing = store_.get(key);
    try {
      if (!existing) {
        store_.create(key, value);
        return true;
      }
      if (existing->value.value("version", std::int64_t{0}) >= event.version) return false;
      store_.put(key, value, existing->etag);
      return true;
    } catch (const dapr::WriteConflict&) {
      continue;  // a concurrent version landed: compare with it
    }
  }
  throw std::runtime_error("profile " + event.user_id + " kept changing while being written");
}

std::optional<Profile> ProfileProjection::get(const std::string& user_id) {
  auto stored = store_.get(profile_key(user_id));
  if (!stored) return std::nullopt;
  return profile_from_json(stored->value);
}

}  // namespace todo::notify
