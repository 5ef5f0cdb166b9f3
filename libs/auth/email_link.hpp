#pragma once
// The signed token of an email-verification link (ASVS 2.1 / issue 13 finding 9): nothing is sent
// to an address until whoever reads its mail opens a link that names the account and the address.
//
// Text: base64url(payload) "." base64url(HMAC-SHA-256(payload)), payload the JSON
// {"u": user id, "e": address lower-cased, "x": expiry (seconds since the epoch)}. The MAC key is
// derived (BLAKE2b, own context) from the JWT signing secret, so no new secret has to be
// provisioned and a link can never pass as an access token or the other way round.
#include <chrono>
#include <optional>
#include <string>

namespace todo::auth {

inline constexpr std::chrono::hours kEmailLinkTtl{48};

struct EmailLinkClaims {
  std::string user_id;
  std::string address;  // lower-cased
};

class EmailLinkSigner {
 public:
  // Throws std::invalid_argument for a secret shorter than 32 bytes.
  explicit EmailLinkSigner(const std::string& secret);
  ~EmailLinkSigner();
  EmailLinkSigner(const EmailLinkSigner&) = delete;
  EmailLinkSigner& operator=(const EmailLinkSigner&) = delete;

  std::string sign(const std::string& user_id, const std::string& address,
                   std::chrono::system_clock::time_point expires) const;
  // The claims of an unexpired token this signer made; nullopt for anything else (tampered,
  // expired, another key, over 1 KiB, garbage). Never throws.
  std::optional<EmailLinkClaims> verify(const std::string& token,
                                        std::chrono::system_clock::time_point now) const;

 private:
  unsigned char key_[32];
};

}  // namespace todo::auth
