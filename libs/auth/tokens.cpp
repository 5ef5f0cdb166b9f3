// The access-token (JWT) half of auth/tokens.hpp.
#include "auth/tokens.hpp"

#include <jwt.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "auth/base64url.hpp"
#include "auth/sodium_init.hpp"
#include "ids/uuid.hpp"
#include "json/bounded_parse.hpp"

namespace todo::auth {
namespace {

constexpr const char* kIssuer = "todo-task-service";
constexpr const char* kAccessType = "access";
constexpr std::size_t kMinKeyBytes = 32;
// Our tokens are ~250 bytes. The cap keeps libjwt (which alloca()s on input size) away from
// attacker-sized input.
constexpr std::size_t kMaxTokenLength = 2048;

struct JwtFree {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtFree>;

struct CFree {
  void operator()(char* text) const { std::free(text); }
};
using CString = std::unique_ptr<char, CFree>;

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// header.payload.signature, each a non-empty base64url segment; nullopt otherwise.
std::optional<std::array<std::string_view, 3>> split_segments(std::string_view token) {
  const size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    return std::nullopt;
  std::array<std::string_view, 3> parts = {token.substr(0, first),
                                           token.substr(first + 1, second - first - 1),
                                           token.substr(second + 1)};
  for (const auto& part : parts) {
    if (part.empty()) return std::nullopt;  // an alg "none" token has an empty signature
  }
  return parts;
}

// We decide the algorithm, never the token: libjwt 1.10 would verify with whatever alg the
// header names (including "none" when no key is given), so the header is checked first.
bool header_is_hs256(std::string_view encoded_header) {
  const auto text = base64url_decode(encoded_header);
  if (!text) return false;
  const auto header = todo::json::parse(*text);
  if (!header.is_object()) return false;
  const auto alg = header.find("alg");
  if (alg == header.end() || *alg != "HS256") return false;
  const auto typ = header.find("typ");
  return typ == header.end() || *typ == "JWT";
}

// libjwt 1.10 compares signatures with strcmp, whose timing says how many leading characters
// matched; this check compares the MAC in constant time before libjwt sees the token.
bool signature_matches(const std::string& key, std::string_view signed_part,
                       std::string_view encoded_signature) {
  const auto signature = base64url_decode(encoded_signature);
  if (!signature || signature->size() != crypto_auth_hmacsha256_BYTES) return false;
  unsigned char expected[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_part.data()),
                                signed_part.size());
  crypto_auth_hmacsha256_final(&state, expected);
  return sodium_memcmp(expected, signature->data(), sizeof expected) == 0;
}

std::optional<AccessClaims> claims_of(const nlohmann::json& claims) {
  if (!claims.is_object()) return std::nullopt;
  const auto iss = claims.find("iss");
  const auto typ = claims.find("typ");
  const auto sub = claims.find("sub");
  const auto exp = claims.find("exp");
  if (iss == claims.end() || *iss != kIssuer) return std::nullopt;
  if (typ == claims.end() || *typ != kAccessType) return std::nullopt;
  if (sub == claims.end() || !sub->is_string() || !ids::is_uuid(sub->get<std::string>()))
    return std::nullopt;
  if (exp == claims.end() || !exp->is_number_integer()) return std::nullopt;
  const auto expires_at = exp->get<std::int64_t>();
  if (now_seconds() >= expires_at) return std::nullopt;
  std::string session_id;
  if (const auto sid = claims.find("sid"); sid != claims.end()) {
    if (!sid->is_string() || !ids::is_uuid(sid->get<std::string>())) return std::nullopt;
    session_id = sid->get<std::string>();
  }
  return AccessClaims{sub->get<std::string>(), expires_at, session_id};
}

}  // namespace

TokenIssuer::TokenIssuer(std::string signing_key, std::chrono::seconds access_ttl)
    : signing_key_(std::move(signing_key)), access_ttl_(access_ttl) {
  if (signing_key_.size() < kMinKeyBytes) {
    throw std::invalid_argument("the JWT signing key must be at least 32 bytes");
  }
  ensure_sodium();
}

std::string TokenIssuer::issue_access(const std::string& user_id,
                                      const std::string& session_id) const {
  if (!ids::is_uuid(user_id)) throw std::invalid_argument("access tokens are issued to user ids");
  if (!session_id.empty() && !ids::is_uuid(session_id))
    throw std::invalid_argument("a session id is a UUID");
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) throw std::runtime_error("libjwt could not allocate a token");
  JwtPtr jwt(raw);
  const std::int64_t issued_at = now_seconds();
  const std::int64_t expires_at = issued_at + access_ttl_.count();
  const int failed = jwt_add_grant(jwt.get(), "sub", user_id.c_str()) |
                     jwt_add_grant(jwt.get(), "iss", kIssuer) |
                     jwt_add_grant(jwt.get(), "typ", kAccessType) |
                     jwt_add_grant_int(jwt.get(), "iat", static_cast<long>(issued_at)) |
                     jwt_add_grant_int(jwt.get(), "exp", static_cast<long>(expires_at)) |
                     jwt_set_alg(jwt.get(), JWT_ALG_HS256,
                                 reinterpret_cast<const unsigned char*>(signing_key_.data()),
                                 static_cast<int>(signing_key_.size()));
  if (failed != 0 || (!session_id.empty() && jwt_add_grant(jwt.get(), "sid", session_id.c_str())))
    throw std::runtime_error("libjwt could not build a token");
  CString encoded(jwt_encode_str(jwt.get()));
  if (!encoded) throw std::runtime_error("libjwt could not sign a token");
  return encoded.get();
}

std::optional<AccessClaims> TokenIssuer::verify_access(const std::string& token) const {
  if (token.size() > kMaxTokenLength || token.find('\0') != std::string::npos) return std::nullopt;
  const auto parts = split_segments(token);
  if (!parts || !header_is_hs256((*parts)[0])) return std::nullopt;
  const std::string_view signed_part(token.data(), (*parts)[0].size() + 1 + (*parts)[1].size());
  if (!signature_matches(signing_key_, signed_part, (*parts)[2])) return std::nullopt;

  // Authentic from here on; libjwt verifies again and parses the claims.
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, token.c_str(), reinterpret_cast<const unsigned char*>(signing_key_.data()),
                 static_cast<int>(signing_key_.size())) != 0) {
    return std::nullopt;
  }
  JwtPtr jwt(raw);
  if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256) return std::nullopt;
  CString claims_text(jwt_get_grants_json(jwt.get(), nullptr));
  if (!claims_text) return std::nullopt;
  return claims_of(todo::json::parse(claims_text.get()));
}

}  // namespace todo::auth
