#include "api/auth_routes.hpp"

#include "api/email_verification_routes.hpp"
#include "auth/authenticate.hpp"
#include "auth/password.hpp"
#include "auth/session_revocations.hpp"
#include "http/client_address.hpp"
#include "http/problem.hpp"
#include "ids/uuid.hpp"
#include "users/email.hpp"
#include "users/profile_validation.hpp"

namespace todo::tasksvc {
namespace {

// One message for unknown email and wrong password, so the answer does not tell which accounts
// exist.
constexpr const char* kBadCredentials = "Invalid email or password";
constexpr const char* kBadRefresh = "invalid, expired or already used refresh token";

// Issues an access token and a stored refresh token of session `session_id` for `user` and writes
// the session answer.
void send_session(httplib::Response& res, int status, const User& user,
                  const std::string& session_id, UserStore& users,
                  const auth::TokenIssuer& tokens) {
  const std::string refresh_token = auth::new_refresh_token();
  users.store_refresh(user.id, auth::hash_refresh_token(refresh_token), session_id,
                      auth::kRefreshTokenTtl);
  const auto refresh_ttl = std::chrono::duration_cast<std::chrono::seconds>(auth::kRefreshTokenTtl);
  // Tokens are credentials: no cache (nor proxy) may keep this answer (RFC 6749 §5.1).
  res.set_header("Cache-Control", "no-store");
  http::send_json(res, status,
                  {{"user", to_json(user)},
                   {"access_token", tokens.issue_access(user.id, session_id)},
                   {"token_type", "Bearer"},
                   {"expires_in", tokens.access_ttl().count()},
                   {"refresh_token", refresh_token},
                   {"refresh_expires_in", refresh_ttl.count()}});
}

// Ends a session's access tokens too, wherever they are verified (auth/session_revocations.hpp).
void end_session(const auth::TokenIssuer& tokens, const std::string& session_id) {
  if (tokens.revocations()) tokens.revocations()->end(session_id, tokens.access_ttl());
}

// Counts one attempt of `subject` under `rule` before it is made (take: check and count in one
// step, so concurrent attempts cannot all slip past the check), or answers 429. An empty subject
// (a caller the frontend did not name: tests and tools on the app port) is not limited.
void take_attempt(auth::AttemptLimiter& limiter, const auth::AttemptRule& rule,
                  const std::string& subject, httplib::Response& res) {
  if (subject.empty()) return;
  if (const auto wait = limiter.take(rule, subject)) {
    res.set_header("Retry-After", std::to_string(wait->count()));
    throw http::ProblemError(
        429, "Too many requests",
        "too many attempts; try again in " + std::to_string(wait->count()) + " seconds");
  }
}

// Counts one attempt from the caller's address.
void count_address_attempt(auth::AttemptLimiter& limiter, const auth::AttemptRule& rule,
                           const httplib::Request& req, httplib::Response& res) {
  take_attempt(limiter, rule, req.get_header_value(http::kClientAddressHeader), res);
}

}  // namespace

void install_auth_routes(http::Server& server, UserStore& users, const auth::TokenIssuer& tokens,
                         auth::AttemptLimiter& limiter) {
  // Verified against when the email is unknown: same argon2id parameters, so the same cost.
  const std::string dummy_hash = auth::hash_password(auth::new_refresh_token());

  // The answer is the same whether or not the email has an account (ASVS 2.2 / 3.x: no account
  // discovery), so sign-up starts no session: the client signs in next. The password is hashed
  // either way, so both cost the same. A new account's email gets a verification link.
  server.post("/api/v1/auth/signup", [&users, &limiter](const httplib::Request& req,
                                                        httplib::Response& res) {
    count_address_attempt(limiter, kSignupsPerAddress, req, res);
    const SignupInput input = validate_signup(http::parse_json_object(req));
    const std::string hash = auth::hash_password(input.password);
    (void)users.create(input.email, hash, input.name, input.time_zone);
    res.set_header("Cache-Control", "no-store");
    http::send_json(res, 202,
                    {{"email", input.email},
                     {"message",
                      "If this email has no account yet, it has one now: sign in with the "
                      "password you chose. A link to confirm the address is on its way; nothing "
                      "is mailed to it until the link is opened."}});
  });

  server.post("/api/v1/auth/login", [&users, &tokens, &limiter, dummy_hash](
                                        const httplib::Request& req, httplib::Response& res) {
    count_address_attempt(limiter, kLoginsPerAddress, req, res);
    const LoginInput input = validate_login(http::parse_json_object(req));
    // Keyed by the account (its address as typed, lower-cased: unknown accounts are counted
    // alike, so the answer tells nothing about which exist) and the client address: a guesser
    // locks out only itself, never the owner signing in from elsewhere (finding 6 of a second
    // attack: ten wrong passwords from anywhere used to lock any account for 15 minutes).
    const std::string account =
        email_key(input.email) + "\n" + req.get_header_value(http::kClientAddressHeader);
    // Counted as failed before the password is checked; a right password gives it back.
    take_attempt(limiter, kFailedLoginsPerAccount, account, res);
    auto found = users.find_by_email(input.email);
    if (!found) {
      auth::verify_password(dummy_hash, input.password);  // spend the time a real check takes
      auth::throw_unauthorized(res, kBadCredentials);
    }
    if (!auth::verify_password(found->second, input.password))
      auth::throw_unauthorized(res, kBadCredentials);
    limiter.give_back(kFailedLoginsPerAccount, account);
    send_session(res, 200, found->first, ids::new_uuid(), users, tokens);
  });

  server.post("/api/v1/auth/refresh",
              [&users, &tokens, &limiter](const httplib::Request& req, httplib::Response& res) {
                count_address_attempt(limiter, kRefreshesPerAddress, req, res);
                const std::string token = validate_refresh_request(http::parse_json_object(req));
                if (!auth::looks_like_refresh_token(token))
                  auth::throw_unauthorized(res, kBadRefresh);
                const auto use = users.consume_refresh(auth::hash_refresh_token(token));
                if (use.kind == UserStore::RefreshUse::Kind::reused) {
                  // Someone holds a copy of this session's tokens: end it for both.
                  end_session(tokens, use.session_id);
                }
                if (use.kind != UserStore::RefreshUse::Kind::live)
                  auth::throw_unauthorized(res, kBadRefresh);
                const auto user = users.get(use.user_id);
                if (!user) auth::throw_unauthorized(res, "the account no longer exists");
                send_session(res, 200, *user, use.session_id, users, tokens);
              });

  server.post("/api/v1/auth/logout",
              [&users, &tokens](const httplib::Request& req, httplib::Response& res) {
                const std::string token = validate_refresh_request(http::parse_json_object(req));
                // Unknown, malformed or already revoked: the session is over either way.
                if (auth::looks_like_refresh_token(token)) {
                  if (const auto session = users.end_session_of(auth::hash_refresh_token(token)))
                    end_session(tokens, *session);
                }
                res.status = 204;
              });

  server.get("/api/v1/me",
             auth::authenticated(tokens, [&users](const httplib::Request&, httplib::Response& res,
                                                  const std::string& user_id) {
               const auto user = users.get(user_id);
               if (!user) auth::throw_unauthorized(res, "the account no longer exists");
               http::send_json(res, 200, to_json(*user));
             }));

  server.patch(
      "/api/v1/me", auth::authenticated(tokens, [&users, &limiter](const httplib::Request& req,
                                                                   httplib::Response& res,
                                                                   const std::string& user_id) {
        const nlohmann::json patch = validate_profile_patch(http::parse_json_object(req));
        try {
          // A new address gets a verification mail: switching through third
          // parties' addresses shares the resend limit, so it mails no one at will.
          const auto may_mail = [&] {
            take_attempt(limiter, kVerificationMailsPerUser, user_id, res);
          };
          http::send_json(res, 200, to_json(users.update_profile(user_id, patch, may_mail)));
        } catch (const http::ProblemError& problem) {
          // As GET /me: a valid token for a deleted account ends the session.
          if (problem.status() == 404)
            auth::throw_unauthorized(res, "the account no longer exists");
          throw;
        }
      }));
}

}  // namespace todo::tasksvc
