#pragma once
// SHA-256 (libsodium) as 64 lower-case hex digits: for identifying secrets without keeping them.
#include <string>
#include <string_view>

namespace todo::auth {

std::string sha256_hex(std::string_view bytes);

}  // namespace todo::auth
