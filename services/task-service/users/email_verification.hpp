#pragma once
// Email verification links (docs/email-verification.md): what a link for an account's mail
// address says, and whether a link that comes back is one of ours and still valid. The mail
// itself is sent by notification-service, from a todo.user.email_verification_requested.v1 event
// on `user-events` that the change of the account writes to the outbox.
#include <chrono>
#include <optional>
#include <string>

#include "auth/email_link.hpp"
#include "events/user_event.hpp"
#include "users/user.hpp"

namespace todo::tasksvc {

class EmailVerification {
 public:
  using Clock = std::chrono::system_clock;
  // `public_url`: where browsers reach the web app (e.g. https://todo.example.com), no trailing
  // slash needed; `secret`: the JWT signing secret, from which the link key is derived.
  EmailVerification(const std::string& secret, std::string public_url);

  // The event asking for a link to `address` of `user`'s account.
  events::EmailVerificationRequested request(const User& user, const std::string& address) const;

  // The account and address a link's token names, when it is valid now.
  std::optional<auth::EmailLinkClaims> check(const std::string& token) const;

 private:
  auth::EmailLinkSigner signer_;
  std::string public_url_;
};

}  // namespace todo::tasksvc
