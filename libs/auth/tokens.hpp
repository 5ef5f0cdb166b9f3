#pragma once
// Session tokens. Access tokens are short-lived JWTs (HS256, key from the Dapr secret store) that
// any task-service replica verifies without a database read. Refresh tokens are opaque random
// strings; only their SHA-256 is stored, and each is single-use (rotated on every refresh).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace todo::auth {

// How long a refresh token (and so a session without activity) lives.
constexpr std::chrono::hours kRefreshTokenTtl{24 * 30};

struct AccessClaims {
  std::string user_id;      // "sub": a UUID
  std::int64_t expires_at;  // "exp": seconds since the Unix epoch
  std::string session_id;   // "sid": the login this token belongs to (a UUID), or empty
};

class SessionRevocations;

class TokenIssuer {
 public:
  // `signing_key` is used as raw bytes; it must be at least 32 bytes (std::invalid_argument
  // otherwise), since HS256 is only as strong as its key. A zero or negative `access_ttl` issues
  // tokens that are already expired (useful in tests).
  explicit TokenIssuer(std::string signing_key,
                       std::chrono::seconds access_ttl = std::chrono::minutes(15));

  // A JWT with header {"alg":"HS256","typ":"JWT"} and claims sub, iat, exp,
  // iss="todo-task-service", typ="access". `user_id` must be a UUID (std::invalid_argument).
  // `session_id` (a UUID, or empty for none) is the "sid" claim: ending that session (logout,
  // refresh-token reuse) ends this token too.
  std::string issue_access(const std::string& user_id, const std::string& session_id = "") const;

  // The claims of a token this issuer signed and that has not expired (valid while now < exp;
  // no leeway, as issuer and verifier share one clock source). nullopt for anything else: bad
  // signature, any alg but HS256 (alg "none" included), wrong iss or typ, missing or non-UUID
  // sub, non-integer exp, over-long input, garbage. Never throws.
  std::optional<AccessClaims> verify_access(const std::string& token) const;

  std::chrono::seconds access_ttl() const { return access_ttl_; }

  // Where require_user() asks whether a token's session has ended. Without one (unit tests),
  // only the signature and expiry count. `revocations` must outlive this issuer.
  void check_sessions_with(SessionRevocations* revocations) { revocations_ = revocations; }
  SessionRevocations* revocations() const { return revocations_; }

 private:
  std::string signing_key_;
  std::chrono::seconds access_ttl_;
  SessionRevocations* revocations_ = nullptr;
};

// 32 random bytes (libsodium CSPRNG), base64url without padding: 43 characters.
std::string new_refresh_token();

// True when `token` has the shape new_refresh_token produces (43 base64url characters), so
// obvious garbage is turned away without a database read.
bool looks_like_refresh_token(const std::string& token);

// SHA-256 of the token as 64 lower-case hex digits: what refresh_tokens.token_hash stores. A plain
// hash suffices (no salt, no argon2): the token carries 256 random bits, nothing to guess.
std::string hash_refresh_token(const std::string& token);

}  // namespace todo::auth
