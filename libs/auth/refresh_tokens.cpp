// The refresh-token half of auth/tokens.hpp.
#include <sodium.h>

#include <algorithm>

#include "auth/base64url.hpp"
#include "auth/digest.hpp"
#include "auth/sodium_init.hpp"
#include "auth/tokens.hpp"

namespace todo::auth {
namespace {
constexpr std::size_t kRefreshTokenBytes = 32;
constexpr std::size_t kRefreshTokenLength = 43;  // ceil(32 * 4 / 3), no padding
}  // namespace

std::string new_refresh_token() {
  ensure_sodium();
  std::string bytes(kRefreshTokenBytes, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  std::string token = base64url_encode(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return token;
}

bool looks_like_refresh_token(const std::string& token) {
  return token.size() == kRefreshTokenLength && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

std::string hash_refresh_token(const std::string& token) {
  return sha256_hex(token);
}

}  // namespace todo::auth
