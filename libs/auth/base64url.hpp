#pragma once
// Base64url without padding (RFC 4648 §5): the alphabet of JWT segments and refresh tokens.
#include <optional>
#include <string>
#include <string_view>

namespace todo::auth {

std::string base64url_encode(std::string_view bytes);

// Strict: only [A-Za-z0-9_-], no padding, no whitespace, and unused trailing bits must be zero,
// so each byte string has exactly one encoding (a tampered last character cannot slip through).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace todo::auth
