#include "auth/email_link.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "auth/base64url.hpp"
#include "auth/sodium_init.hpp"
#include "json/bounded_parse.hpp"

namespace todo::auth {
namespace {

constexpr std::size_t kMaxTokenLength = 1024;
// Keeps this key apart from every other use of the JWT secret (BLAKE2b personalises by context).
constexpr const char* kKeyContext = "todo email verification link v1";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string mac_of(const unsigned char* key, const std::string& payload) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(payload.data()),
                         payload.size(), key);
  return std::string(reinterpret_cast<const char*>(mac), sizeof mac);
}

std::int64_t seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

EmailLinkSigner::EmailLinkSigner(const std::string& secret) {
  if (secret.size() < 32) throw std::invalid_argument("the link secret must be at least 32 bytes");
  ensure_sodium();
  crypto_generichash(key_, sizeof key_, reinterpret_cast<const unsigned char*>(kKeyContext),
                     std::char_traits<char>::length(kKeyContext),
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
}

EmailLinkSigner::~EmailLinkSigner() {
  sodium_memzero(key_, sizeof key_);
}

std::string EmailLinkSigner::sign(const std::string& user_id, const std::string& address,
                                  std::chrono::system_clock::time_point expires) const {
  const std::string payload =
      nlohmann::json{{"u", user_id}, {"e", lower(address)}, {"x", seconds_of(expires)}}.dump();
  return base64url_encode(payload) + "." + base64url_encode(mac_of(key_, payload));
}

std::optional<EmailLinkClaims> EmailLinkSigner::verify(
    const std::string& token, std::chrono::system_clock::time_point now) const {
  if (token.size() > kMaxTokenLength) return std::nullopt;
  const auto dot = token.find('.');
  if (dot == std::string::npos) return std::nullopt;
  const auto payload = base64url_decode(std::string_view(token).substr(0, dot));
  const auto mac = base64url_decode(std::string_view(token).substr(dot + 1));
  if (!payload || !mac || mac->size() != crypto_auth_hmacsha256_BYTES) return std::nullopt;
  if (crypto_auth_hmacsha256_verify(reinterpret_cast<const unsigned char*>(mac->data()),
                                    reinterpret_cast<const unsigned char*>(payload->data()),
                                    payload->size(), key_) != 0) {
    return std::nullopt;
  }
  // Signed by us, so well-formed; checked anyway, as everything parsed is.
  const auto claims = json::parse(*payload);
  if (!claims.is_object()) return std::nullopt;
  const auto u = claims.find("u");
  const auto e = claims.find("e");
  const auto x = claims.find("x");
  if (u == claims.end() || !u->is_string() || e == claims.end() || !e->is_string() ||
      x == claims.end() || !x->is_number_integer()) {
    return std::nullopt;
  }
  if (seconds_of(now) >= x->get<std::int64_t>()) return std::nullopt;
  return EmailLinkClaims{u->get<std::string>(), e->get<std::string>()};
}

}  // namespace todo::auth
