#pragma once
// A user's notification channels: which are on, and where each delivers.
//
// Stored (users.channels) and patched in this shape:
//   {"email":  {"enabled": bool, "address": string|null},  null address = the account email
//    "push":   {"enabled": bool, "topic": string|null},    topic: 1-64 of [A-Za-z0-9_-]
//    "in_app": {"enabled": bool}}
// Answers show the effective shape: the email address filled in (effective_channels).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "tasks/field_errors.hpp"

namespace todo::tasksvc {

constexpr std::size_t kMaxPushTopicLength = 64;

// Email and in-app on, push off: what a new account gets.
nlohmann::json default_channels();

// `stored` completed with defaults for any member it lacks, and a null email address replaced by
// `account_email`: what API answers and consumers see.
nlohmann::json effective_channels(const nlohmann::json& stored, const std::string& account_email);

// Reads the "channels" member of a profile PATCH: an object with any of email, push, in_app, each
// an object with any of its members. Adds errors under "channels.<channel>.<member>" for unknown
// names and wrong types or formats; returns the normalized partial object (addresses trimmed), or
// nullopt when there were errors. Whether push has a topic is checked after merging.
std::optional<nlohmann::json> read_channels_patch(const nlohmann::json& value,
                                                  tasks::FieldErrors& errors);

// `stored` (completed with defaults) with each member present in `patch` replaced.
nlohmann::json merge_channels(const nlohmann::json& stored, const nlohmann::json& patch);

// The rule across members, on channels as they would be saved: push enabled needs a topic.
// Throws the 422 problem of tasks::FieldErrors when broken.
void check_channels(const nlohmann::json& channels);

}  // namespace todo::tasksvc
