#pragma once
// todo.user.updated.v1 on topic `user-events` (proto/todo/v1/events.proto, UserUpdated): what a
// consumer needs to know about an account to reach its owner, published by task-service in the
// transaction that creates or changes the account, keyed by user id. notification-service keeps
// a projection of it, so it never reads task-service's database.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "events/topics.hpp"

namespace todo::events {

inline constexpr const char* kUserUpdatedType = "todo.user.updated.v1";
// Also on `user-events`: ask notification-service to mail a verification link to an address
// (the only mail ever sent to an address that is not verified yet).
inline constexpr const char* kEmailVerificationRequestedType =
    "todo.user.email_verification_requested.v1";

struct UserUpdated {
  std::string user_id;
  std::string name;
  std::string time_zone;  // IANA
  // Effective channels: {"email": {"enabled", "address"}, "push": {"enabled", "topic"},
  // "in_app": {"enabled"}} with the email address filled in from the account.
  nlohmann::json channels;
  // Microseconds since the epoch when the change was written: a projection keeps the highest,
  // so a redelivered older version never overwrites a newer one.
  std::int64_t version = 0;
};

nlohmann::json to_json(const UserUpdated& u);
// Throws errors::MalformedMessage naming the problem.
UserUpdated parse_user_updated(const nlohmann::json& data);

struct EmailVerificationRequested {
  std::string user_id;
  std::string name;        // the account's display name, for the greeting
  std::string address;     // where the link goes
  std::string link;        // the whole verification URL
  std::string expires_at;  // RFC 3339
};

nlohmann::json to_json(const EmailVerificationRequested& r);
// Throws errors::MalformedMessage naming the problem.
EmailVerificationRequested parse_email_verification_requested(const nlohmann::json& data);

}  // namespace todo::events
