#pragma once
// Verifying where mail goes (docs/email-verification.md):
//
//   POST /api/v1/auth/verify-email    {"token"}  -> 200 {"email", "verified": true}
//        400 for a token that is not ours or has expired, 409 when the account no longer
//        sends mail to that address. No bearer: whoever reads the mail holds the link.
//   POST /api/v1/me/email-verification (Bearer) -> 202 {"email", "verified": false} a new link
//        is on its way; 200 {"email", "verified": true} nothing to do. At most 5 an hour.
#include "auth/attempt_limiter.hpp"
#include "auth/tokens.hpp"
#include "http/server.hpp"
#include "users/email_verification.hpp"
#include "users/user_store.hpp"

namespace todo::tasksvc {

inline constexpr auth::AttemptRule kVerificationMailsPerUser{"verification-user", 5,
                                                             std::chrono::hours(1)};

// Every argument must outlive `server`.
void install_email_verification_routes(http::Server& server, UserStore& users,
                                       const EmailVerification& verification,
                                       const auth::TokenIssuer& tokens,
                                       auth::AttemptLimiter& limiter);

}  // namespace todo::tasksvc
