// Access tokens (libs/auth/tokens.hpp): TokenIssuer::verify_access with a fixed key never throws
// and accepts only what the key signed. An even first byte sends the rest as a token; an odd one
// splits the rest at the first newline into a header and a claims text, and signs them with the
// key (HS256), to reach what libjwt and the claim checks do with authentic but odd tokens.
#include <sodium.h>

#include "auth/base64url.hpp"
#include "auth/tokens.hpp"
#include "fuzz_util.hpp"

namespace {

const std::string kKey = "fuzz-signing-key-0123456789abcdef0123456789";

std::string sign(const std::string& header, const std::string& claims) {
  const std::string signed_part =
      todo::auth::base64url_encode(header) + "." + todo::auth::base64url_encode(claims);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(kKey.data()),
                              kKey.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_part.data()),
                                signed_part.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return signed_part + "." +
         todo::auth::base64url_encode(std::string(reinterpret_cast<const char*>(mac), sizeof mac));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const todo::auth::TokenIssuer kIssuer(kKey);
  std::string token = todo::fuzz::text(data + 1, size - 1);
  if (data[0] % 2) {
    const auto newline = token.find('\n');
    if (newline == std::string::npos) return 0;
    token = sign(token.substr(0, newline), token.substr(newline + 1));
  }
  const auto claims = kIssuer.verify_access(token);
  if (claims) {
    FUZZ_CHECK(!claims->user_id.empty() && claims->expires_at > 0);
  }
  return 0;
}
