#pragma once
// A user's notification channels: which are on, and where each delivers.
//
// Stored (users.channels) and patched in this shape:
//   {"email":  {"enabled": bool, "address": string|null,   null address = the account email
//               "verified_addresses": [email_key...]},     set only by a verification link
//    "push":   {"enabled": bool, "topic": string|null},    topic: 1-64 of [A-Za-z0-9_-]
//    "in_app": {"enabled": bool},
//    "fcm":    {"enabled": bool, "device_token": string|null, "project_id": string|null,
//               "client_email": string|null, "credentials": sealed string|null}}
// FCM credentials are the user's own Google service-account key file, patched as
// channels.fcm.service_account (the key file's JSON object) and stored only sealed
// (auth::CredentialBox); client_email and a missing project_id are taken from the key file.
// Answers show the effective shape, the email address filled in and "verified" (whether that
// address's owner opened a verification link) added (effective_channels), and never the sealed
// credentials nor the list of verified addresses (public_channels). Nothing is mailed to an
// address that is not verified (docs/email-verification.md).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/credential_box.hpp"
#include "tasks/field_errors.hpp"

namespace todo::tasksvc {

constexpr std::size_t kMaxPushTopicLength = 64;
constexpr std::size_t kMaxFcmDeviceTokenLength = 4096;

// Email and in-app on, push off: what a new account gets.
nlohmann::json default_channels();

// `stored` completed with defaults for any member it lacks, and a null email address replaced by
// `account_email`: what API answers and consumers see.
nlohmann::json effective_channels(const nlohmann::json& stored, const std::string& account_email);

// The address mail goes to: the channel's own, or the account email.
std::string effective_email_address(const nlohmann::json& stored, const std::string& account_email);

// `stored` (completed with defaults) with `address` among the verified ones (at most the 10
// most recent are kept).
nlohmann::json with_verified_address(const nlohmann::json& stored, const std::string& address);

// `effective` without secrets, as API answers show it: fcm.credentials becomes
// fcm.credentials_set (true or false).
nlohmann::json public_channels(nlohmann::json effective);

// Reads the "channels" member of a profile PATCH: an object with any of email, push, in_app, each
// an object with any of its members. Adds errors under "channels.<channel>.<member>" for unknown
// names and wrong types or formats; returns the normalized partial object (addresses trimmed), or
// nullopt when there were errors. Whether push has a topic is checked after merging.
std::optional<nlohmann::json> read_channels_patch(const nlohmann::json& value,
                                                  errors::FieldErrors& errors);

// Replaces a validated patch's fcm.service_account (the key file, in clear) with
// fcm.credentials sealed by `box`; the patch is unchanged when it has no key file.
nlohmann::json seal_channel_credentials(nlohmann::json patch, const auth::CredentialBox& box);

// `stored` (completed with defaults) with each member present in `patch` replaced.
nlohmann::json merge_channels(const nlohmann::json& stored, const nlohmann::json& patch);

// The rules across members, on channels as they would be saved: push enabled needs a topic, and
// FCM enabled needs a device token, a project and credentials.
// Throws the 422 problem of errors::FieldErrors when broken.
void check_channels(const nlohmann::json& channels);

}  // namespace todo::tasksvc
