#include "users/channels.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>

#include "google_oauth/service_account.hpp"
#include "time/instant.hpp"
#include "users/email.hpp"

namespace todo::tasksvc {
namespace {

bool is_topic_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// A nullable identifier member (push topic, device token): null clears it; otherwise a string of
// 1..max_length characters that `allowed` accepts, or an error with `rule`.
void read_identifier(const std::string& path, const char* key, const nlohmann::json& value,
                     std::size_t max_length, bool (*allowed)(char), const std::string& rule,
                     nlohmann::json& out, errors::FieldErrors& errors) {
  if (value.is_null()) {
    out[key] = nullptr;
    return;
  }
  const bool valid = value.is_string() && !value.get_ref<const std::string&>().empty() &&
                     value.get_ref<const std::string&>().size() <= max_length &&
                     std::all_of(value.get_ref<const std::string&>().begin(),
                                 value.get_ref<const std::string&>().end(), allowed);
  if (!valid) {
    errors.add(path, path + " must be " + rule);
    return;
  }
  out[key] = value;
}

void read_enabled(const std::string& path, const nlohmann::json& value, nlohmann::json& out,
                  errors::FieldErrors& errors) {
  if (!value.is_boolean()) {
    errors.add(path, path + " must be true or false");
    return;
  }
  out["enabled"] = value;
}

void read_email_member(const std::string& name, const nlohmann::json& value, nlohmann::json& out,
                       errors::FieldErrors& errors) {
  const std::string path = "channels.email." + name;
  if (name == "enabled") {
    read_enabled(path, value, out, errors);
  } else if (name == "address") {
    // null goes back to following the account email.
    if (value.is_null()) {
      out["address"] = nullptr;
    } else if (auto address = read_email(path, value, errors)) {
      out["address"] = *address;
    }
  } else {
    errors.add(path, path + " is not a known field (enabled, address)");
  }
}

void read_push_member(const std::string& name, const nlohmann::json& value, nlohmann::json& out,
                      errors::FieldErrors& errors) {
  const std::string path = "channels.push." + name;
  if (name == "enabled") {
    read_enabled(path, value, out, errors);
  } else if (name == "topic") {
    read_identifier(path, "topic", value, kMaxPushTopicLength, is_topic_character,
                    "1 to 64 letters, digits, '-' or '_'", out, errors);
  } else {
    errors.add(path, path + " is not a known field (enabled, topic)");
  }
}

void read_in_app_member(const std::string& name, const nlohmann::json& value, nlohmann::json& out,
                        errors::FieldErrors& errors) {
  const std::string path = "channels.in_app." + name;
  if (name == "enabled") {
    read_enabled(path, value, out, errors);
  } else {
    errors.add(path, path + " is not a known field (enabled)");
  }
}

bool is_device_token_character(char c) {
  return is_topic_character(c) || c == ':';
}

// Google Cloud project ids: 6-30 lowercase letters, digits and hyphens, starting with a letter and
// not ending with a hyphen.
bool is_project_id(const std::string& text) {
  static const std::regex kProjectId("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  return std::regex_match(text, kProjectId);
}

// A key file that parses and whose key can sign an RS256 assertion; nullopt (with an error) for
// anything FCM's token endpoint would refuse anyway.
std::optional<google::ServiceAccount> read_service_account(const std::string& path,
                                                           const nlohmann::json& value,
                                                           errors::FieldErrors& errors) {
  if (!value.is_object()) {
    errors.add(path, path + " must be your Google service-account key file (a JSON object)");
    return std::nullopt;
  }
  auto account = google::parse_service_account(value.dump());
  if (!account) {
    errors.add(path, path +
                         " must be a Google service-account key file with client_email and a PEM "
                         "private_key");
    return std::nullopt;
  }
  try {
    (void)google::oauth_assertion(*account, google::kFirebaseMessagingScope, time::instant_now());
  } catch (const std::exception&) {
    errors.add(path, path + ".private_key cannot sign RS256 (it must be an RSA private key)");
    return std::nullopt;
  }
  return account;
}

void read_fcm_member(const std::string& name, const nlohmann::json& value, nlohmann::json& out,
                     errors::FieldErrors& errors) {
  const std::string path = "channels.fcm." + name;
  if (name == "enabled") {
    read_enabled(path, value, out, errors);
  } else if (name == "device_token") {
    read_identifier(
        path, "device_token", value, kMaxFcmDeviceTokenLength, is_device_token_character,
        "an FCM registration token (1 to 4096 letters, digits, ':', '-' or '_')", out, errors);
  } else if (name == "project_id") {
    if (value.is_null()) {
      out["project_id"] = nullptr;
    } else if (value.is_string() && is_project_id(value.get<std::string>())) {
      out["project_id"] = value;
    } else {
      errors.add(path, path +
                           " must be a Google Cloud project id (6 to 30 lowercase letters, "
                           "digits or '-')");
    }
  } else if (name == "service_account") {
    if (value.is_null()) {  // forget the credentials
      out["credentials"] = nullptr;
      out["client_email"] = nullptr;
      return;
    }
    if (auto account = read_service_account(path, value, errors)) {
      out["service_account"] = value.dump();
      out["client_email"] = account->client_email;
      if (!account->project_id.empty() && is_project_id(account->project_id)) {
        out["key_project_id"] = account->project_id;
      }
    }
  } else {
    errors.add(path, path +
                         " is not a known field (enabled, device_token, project_id, "
                         "service_account)");
  }
}

// `value` completed with the defaults of every channel and member it lacks.
nlohmann::json completed(const nlohmann::json& value) {
  nlohmann::json out = default_channels();
  if (!value.is_object()) return out;
  for (const auto& channel : out.items()) {
    const auto stored = value.find(channel.key());
    if (stored == value.end() || !stored->is_object()) continue;
    for (const auto& member : channel.value().items()) {
      const auto field = stored->find(member.key());
      if (field != stored->end()) member.value() = *field;
    }
  }
  return out;
}

}  // namespace

nlohmann::json default_channels() {
  return {
      {"email",
       {{"enabled", true}, {"address", nullptr}, {"verified_addresses", nlohmann::json::array()}}},
      {"push", {{"enabled", false}, {"topic", nullptr}}},
      {"in_app", {{"enabled", true}}},
      {"fcm",
       {{"enabled", false},
        {"device_token", nullptr},
        {"project_id", nullptr},
        {"client_email", nullptr},
        {"credentials", nullptr}}}};
}

nlohmann::json effective_channels(const nlohmann::json& stored, const std::string& account_email) {
  nlohmann::json out = completed(stored);
  auto& email = out["email"];
  if (email["address"].is_null()) email["address"] = account_email;
  const std::string key = email_key(email["address"].get<std::string>());
  const auto& verified = email["verified_addresses"];
  email["verified"] = verified.is_array() && std::find(verified.begin(), verified.end(),
                                                       nlohmann::json(key)) != verified.end();
  return out;
}

std::string effective_email_address(const nlohmann::json& stored,
                                    const std::string& account_email) {
  return effective_channels(stored, account_email)["email"]["address"].get<std::string>();
}

nlohmann::json with_verified_address(const nlohmann::json& stored, const std::string& address) {
  constexpr std::size_t kMaxVerifiedAddresses = 10;
  nlohmann::json out = completed(stored);
  auto& verified = out["email"]["verified_addresses"];
  if (!verified.is_array()) verified = nlohmann::json::array();
  const nlohmann::json key = email_key(address);
  if (std::find(verified.begin(), verified.end(), key) != verified.end()) return out;
  verified.push_back(key);
  // The oldest is forgotten first: switching back to it asks for a new link.
  while (verified.size() > kMaxVerifiedAddresses) verified.erase(verified.begin());
  return out;
}

nlohmann::json public_channels(nlohmann::json effective) {
  if (effective.contains("email") && effective["email"].is_object()) {
    effective["email"].erase("verified_addresses");
  }
  if (effective.contains("fcm") && effective["fcm"].is_object()) {
    auto& fcm = effective["fcm"];
    fcm["credentials_set"] = fcm.contains("credentials") && fcm["credentials"].is_string();
    fcm.erase("credentials");
  }
  return effective;
}

std::optional<nlohmann::json> read_channels_patch(const nlohmann::json& value,
                                                  errors::FieldErrors& errors) {
  if (!value.is_object()) {
    errors.add("channels", "channels must be an object with any of email, push, in_app, fcm");
    return std::nullopt;
  }
  const std::size_t errors_before = errors.all().size();
  nlohmann::json out = nlohmann::json::object();
  for (const auto& channel : value.items()) {
    const std::string& name = channel.key();
    const std::string path = "channels." + name;
    const bool known = name == "email" || name == "push" || name == "in_app" || name == "fcm";
    if (!known) {
      errors.add(path, path + " is not a known channel (email, push, in_app, fcm)");
      continue;
    }
    if (!channel.value().is_object()) {
      errors.add(path, path + " must be an object");
      continue;
    }
    nlohmann::json& target = out[name] = nlohmann::json::object();
    for (const auto& member : channel.value().items()) {
      if (name == "email") read_email_member(member.key(), member.value(), target, errors);
      if (name == "push") read_push_member(member.key(), member.value(), target, errors);
      if (name == "in_app") read_in_app_member(member.key(), member.value(), target, errors);
      if (name == "fcm") read_fcm_member(member.key(), member.value(), target, errors);
    }
    // The key file's project is the default; a project_id given beside it wins.
    if (target.contains("key_project_id")) {
      if (!target.contains("project_id")) target["project_id"] = target["key_project_id"];
      target.erase("key_project_id");
    }
  }
  if (errors.all().size() != errors_before) return std::nullopt;
  return out;
}

nlohmann::json seal_channel_credentials(nlohmann::json patch, const auth::CredentialBox& box) {
  if (!patch.contains("fcm") || !patch["fcm"].contains("service_account")) return patch;
  auto& fcm = patch["fcm"];
  fcm["credentials"] = box.seal(fcm["service_account"].get<std::string>());
  fcm.erase("service_account");
  return patch;
}

nlohmann::json merge_channels(const nlohmann::json& stored, const nlohmann::json& patch) {
  nlohmann::json out = completed(stored);
  if (!patch.is_object()) return out;
  for (const auto& channel : patch.items()) {
    if (!out.contains(channel.key()) || !channel.value().is_object()) continue;
    nlohmann::json& target = out[channel.key()];
    for (const auto& member : channel.value().items()) {
      if (target.contains(member.key())) target[member.key()] = member.value();
    }
  }
  return out;
}

void check_channels(const nlohmann::json& channels) {
  errors::FieldErrors errors;
  const nlohmann::json full = completed(channels);
  if (full["push"]["enabled"] == true && !full["push"]["topic"].is_string()) {
    errors.add("channels.push.topic", "channels.push.topic is required when push is enabled");
  }
  const auto& fcm = full["fcm"];
  if (fcm["enabled"] == true) {
    if (!fcm["device_token"].is_string()) {
      errors.add("channels.fcm.device_token",
                 "channels.fcm.device_token is required when FCM is enabled");
    }
    if (!fcm["project_id"].is_string()) {
      errors.add("channels.fcm.project_id",
                 "channels.fcm.project_id is required when FCM is enabled (or a key file that "
                 "names its project)");
    }
    if (!fcm["credentials"].is_string()) {
      errors.add("channels.fcm.service_account",
                 "channels.fcm.service_account is required when FCM is enabled");
    }
  }
  errors.throw_if_any();
}

}  // namespace todo::tasksvc
