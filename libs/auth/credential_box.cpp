#include "auth/credential_box.hpp"

#include <sodium.h>

#include <stdexcept>

#include "auth/base64url.hpp"
#include "auth/sodium_init.hpp"

namespace todo::auth {
namespace {

constexpr const char* kPrefix = "v1.";
constexpr std::size_t kMinSecretBytes = 16;
static_assert(crypto_secretbox_KEYBYTES == 32);

}  // namespace

CredentialBox::CredentialBox(const std::string& secret) {
  ensure_sodium();
  if (secret.size() < kMinSecretBytes) {
    throw std::invalid_argument("the credentials key secret must be at least 16 bytes");
  }
  // Hashing lets the secret be any printable text (a generated password, a base64 key) while the
  // cipher still gets exactly 32 uniformly distributed bytes.
  crypto_generichash(key_, sizeof key_, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
}

CredentialBox::~CredentialBox() {
  sodium_memzero(key_, sizeof key_);
}

std::string CredentialBox::seal(const std::string& plaintext) const {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, key_);
  return kPrefix + base64url_encode(out);
}

std::optional<std::string> CredentialBox::open(const std::string& sealed) const {
  const std::string prefix = kPrefix;
  if (sealed.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const auto bytes = base64url_decode(std::string_view(sealed).substr(prefix.size()));
  if (!bytes || bytes->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto* nonce = reinterpret_cast<const unsigned char*>(bytes->data());
  const std::size_t cipher_size = bytes->size() - crypto_secretbox_NONCEBYTES;
  std::string plaintext(cipher_size - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                 nonce + crypto_secretbox_NONCEBYTES, cipher_size, nonce,
                                 key_) != 0) {
    return std::nullopt;
  }
  return plaintext;
}

}  // namespace todo::auth
