#pragma once
// Credentials a user hands us for a third party (an FCM service-account key) are kept and carried
// only sealed: task-service seals them when the profile is saved, the ciphertext travels on
// `user-events` and rests in both services' stores, and notification-service opens it just before
// sending. The key is the secret-store secret `channel-credentials-key`, which only those two
// services can read.
//
// XSalsa20-Poly1305 (libsodium crypto_secretbox) under a 256-bit key derived from the secret with
// BLAKE2b, a random nonce per seal; the text is "v1." + base64url(nonce || ciphertext).
#include <optional>
#include <string>

namespace todo::auth {

inline constexpr const char* kChannelCredentialsKeySecret = "channel-credentials-key";

class CredentialBox {
 public:
  // Throws std::invalid_argument for a secret shorter than 16 bytes.
  explicit CredentialBox(const std::string& secret);
  ~CredentialBox();
  CredentialBox(const CredentialBox&) = delete;
  CredentialBox& operator=(const CredentialBox&) = delete;

  std::string seal(const std::string& plaintext) const;
  // Empty when the text is not a sealed value or was sealed under another key or altered.
  std::optional<std::string> open(const std::string& sealed) const;

 private:
  unsigned char key_[32];
};

}  // namespace todo::auth
