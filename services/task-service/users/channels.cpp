#include "users/channels.hpp"

#include <algorithm>

#include "users/email.hpp"

namespace todo::tasksvc {
namespace {

bool is_topic_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

void read_enabled(const std::string& path, const nlohmann::json& value, nlohmann::json& out,
                  tasks::FieldErrors& errors) {
  if (!value.is_boolean()) {
    errors.add(path, path + " must be true or false");
    return;
  }
  out["enabled"] = value;
}

void read_email_member(const std::string& name, const nlohmann::json& value, nlohmann::json& out,
                       tasks::FieldErrors& errors) {
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
                      tasks::FieldErrors& errors) {
  const std::string path = "channels.push." + name;
  if (name == "enabled") {
    read_enabled(path, value, out, errors);
  } else if (name == "topic") {
    if (value.is_null()) {
      out["topic"] = nullptr;
      return;
    }
    const bool valid = value.is_string() && !value.get_ref<const std::string&>().empty() &&
                       value.get_ref<const std::string&>().size() <= kMaxPushTopicLength &&
                       std::all_of(value.get_ref<const std::string&>().begin(),
                                   value.get_ref<const std::string&>().end(), is_topic_character);
    if (!valid) {
      errors.add(path, path + " must be 1 to 64 letters, digits, '-' or '_'");
      return;
    }
    out["topic"] = value;
  } else {
    errors.add(path, path + " is not a known field (enabled, topic)");
  }
}

void read_in_app_member(const std::string& name, const nlohmann::json& value, nlohmann::json& out,
                        tasks::FieldErrors& errors) {
  const std::string path = "channels.in_app." + name;
  if (name == "enabled") {
    read_enabled(path, value, out, errors);
  } else {
    errors.add(path, path + " is not a known field (enabled)");
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
  return {{"email", {{"enabled", true}, {"address", nullptr}}},
          {"push", {{"enabled", false}, {"topic", nullptr}}},
          {"in_app", {{"enabled", true}}}};
}

nlohmann::json effective_channels(const nlohmann::json& stored, const std::string& account_email) {
  nlohmann::json out = completed(stored);
  if (out["email"]["address"].is_null()) out["email"]["address"] = account_email;
  return out;
}

std::optional<nlohmann::json> read_channels_patch(const nlohmann::json& value,
                                                  tasks::FieldErrors& errors) {
  if (!value.is_object()) {
    errors.add("channels", "channels must be an object with any of email, push, in_app");
    return std::nullopt;
  }
  const std::size_t errors_before = errors.all().size();
  nlohmann::json out = nlohmann::json::object();
  for (const auto& channel : value.items()) {
    const std::string& name = channel.key();
    const std::string path = "channels." + name;
    const bool known = name == "email" || name == "push" || name == "in_app";
    if (!known) {
      errors.add(path, path + " is not a known channel (email, push, in_app)");
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
    }
  }
  if (errors.all().size() != errors_before) return std::nullopt;
  return out;
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
  tasks::FieldErrors errors;
  const nlohmann::json full = completed(channels);
  if (full["push"]["enabled"] == true && !full["push"]["topic"].is_string()) {
    errors.add("channels.push.topic", "channels.push.topic is required when push is enabled");
  }
  errors.throw_if_any();
}

}  // namespace todo::tasksvc
