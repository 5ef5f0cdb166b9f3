#include "events/user_event.hpp"

#include "errors/domain_error.hpp"

namespace todo::events {
namespace {

// The string member `name` of an event payload; MalformedMessage (naming `what` event) when it is
// missing, not a string, or empty unless `allow_empty`.
std::string text_of(const nlohmann::json& data, const char* name, bool allow_empty,
                    const char* what) {
  auto it = data.find(name);
  if (it == data.end() || !it->is_string() || (!allow_empty && it->get<std::string>().empty())) {
    throw errors::MalformedMessage(std::string(what) + " event lacks the string field '" + name +
                                   "'");
  }
  return it->get<std::string>();
}

}  // namespace

nlohmann::json to_json(const UserUpdated& u) {
  return {{"user_id", u.user_id},
          {"name", u.name},
          {"time_zone", u.time_zone},
          {"channels", u.channels},
          {"version", u.version}};
}

UserUpdated parse_user_updated(const nlohmann::json& data) {
  if (!data.is_object()) throw errors::MalformedMessage("user event payload is not a JSON object");
  auto text = [&](const char* name, bool allow_empty) {
    return text_of(data, name, allow_empty, "user");
  };
  UserUpdated u;
  u.user_id = text("user_id", false);
  u.name = text("name", true);
  u.time_zone = text("time_zone", false);
  auto version = data.find("version");
  if (version == data.end() || !version->is_number_integer() || version->get<std::int64_t>() < 0)
    throw errors::MalformedMessage("user event lacks a non-negative integer 'version'");
  u.version = version->get<std::int64_t>();
  auto channels = data.find("channels");
  if (channels == data.end() || !channels->is_object())
    throw errors::MalformedMessage("user event lacks the 'channels' object");
  u.channels = *channels;
  return u;
}

nlohmann::json to_json(const EmailVerificationRequested& r) {
  return {{"user_id", r.user_id},
          {"name", r.name},
          {"address", r.address},
          {"link", r.link},
          {"expires_at", r.expires_at}};
}

EmailVerificationRequested parse_email_verification_requested(const nlohmann::json& data) {
  if (!data.is_object())
    throw errors::MalformedMessage("verification payload is not a JSON object");
  auto text = [&](const char* name, bool allow_empty) {
    return text_of(data, name, allow_empty, "verification");
  };
  EmailVerificationRequested r;
  r.user_id = text("user_id", false);
  r.name = text("name", true);
  r.address = text("address", false);
  r.link = text("link", false);
  r.expires_at = text("expires_at", false);
  return r;
}

}  // namespace todo::events
