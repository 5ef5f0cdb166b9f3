#include "users/email_verification.hpp"

#include "time/instant.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {

EmailVerification::EmailVerification(const std::string& secret, std::string public_url)
    : signer_(secret), public_url_(std::move(public_url)) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

events::EmailVerificationRequested EmailVerification::request(const User& user,
                                                              const std::string& address) const {
  const auto expires = std::chrono::time_point_cast<std::chrono::seconds>(
      Clock::now() + std::chrono::duration_cast<std::chrono::seconds>(auth::kEmailLinkTtl));
  events::EmailVerificationRequested r;
  r.user_id = user.id;
  r.name = user.name;
  r.address = address;
  // In the fragment: browsers never send it, so it stays out of server logs and Referer headers.
  r.link = public_url_ + "/verify-email#token=" + signer_.sign(user.id, address, expires);
  r.expires_at = time::format_rfc3339(expires);
  return r;
}

std::optional<auth::EmailLinkClaims> EmailVerification::check(const std::string& token) const {
  return signer_.verify(token, Clock::now());
}

}  // namespace todo::tasksvc
