#include "api/email_verification_routes.hpp"

#include "auth/authenticate.hpp"
#include "http/problem.hpp"
#include "users/channels.hpp"
#include "users/profile_validation.hpp"

namespace todo::tasksvc {

void install_email_verification_routes(http::Server& server, UserStore& users,
                                       const EmailVerification& verification,
                                       const auth::TokenIssuer& tokens,
                                       auth::AttemptLimiter& limiter) {
  server.post("/api/v1/auth/verify-email", [&users, &verification](const httplib::Request& req,
                                                                   httplib::Response& res) {
    const auto claims =
        verification.check(validate_verification_request(http::parse_json_object(req)));
    if (!claims) {
      throw http::ProblemError(400, "Invalid link",
                               "this verification link is not valid or has expired; ask for a "
                               "new one in the settings");
    }
    if (users.verify_email(claims->user_id, claims->address) != UserStore::Verification::verified) {
      throw http::ProblemError(409, "Address no longer in use",
                               "the account no longer sends mail to this address");
    }
    res.set_header("Cache-Control", "no-store");
    http::send_json(res, 200, {{"email", claims->address}, {"verified", true}});
  });

  server.post("/api/v1/me/email-verification",
              auth::authenticated(tokens, [&users, &limiter](const httplib::Request&,
                                                             httplib::Response& res,
                                                             const std::string& user_id) {
                const auto user = users.get(user_id);
                if (!user) auth::throw_unauthorized(res, "the account no longer exists");
                const std::string address = effective_email_address(user->channels, user->email);
                // Each link is a mail to someone: a signed-in user cannot make this a mailer.
                if (const auto wait = limiter.take(kVerificationMailsPerUser, user_id)) {
                  res.set_header("Retry-After", std::to_string(wait->count()));
                  throw http::ProblemError(429, "Too many requests",
                                           "too many verification mails; try again in " +
                                               std::to_string(wait->count()) + " seconds");
                }
                const auto outcome = users.resend_verification(user_id);
                if (outcome == UserStore::Verification::stale)
                  auth::throw_unauthorized(res, "the account no longer exists");
                res.set_header("Cache-Control", "no-store");
                const bool sent = outcome == UserStore::Verification::sent;
                if (!sent) limiter.give_back(kVerificationMailsPerUser, user_id);
                http::send_json(res, sent ? 202 : 200, {{"email", address}, {"verified", !sent}});
              }));
}

}  // namespace todo::tasksvc
