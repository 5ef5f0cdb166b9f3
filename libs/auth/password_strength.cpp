#include "auth/password_strength.hpp"

#include <cstddef>  // crack.h uses size_t without including it
// clang-format off
#include <crack.h>
// clang-format on

#include <algorithm>
#include <cctype>
#include <fstream>
#include <mutex>

namespace todo::auth {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

bool password_dictionary_installed() {
  return std::ifstream(std::string(GetDefaultCracklibDict()) + ".pwd").good();
}

std::optional<std::string> weak_password_reason(const std::string& password,
                                                const std::string& email) {
  const std::string local_part = lower(email.substr(0, email.find('@')));
  if (local_part.size() >= 4 && lower(password).find(local_part) != std::string::npos) {
    return "it contains your email address";
  }
  // cracklib keeps static buffers between calls.
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  const char* reason =
      FascistCheckUser(password.c_str(), GetDefaultCracklibDict(), "nobody", nullptr);
  if (reason == nullptr) return std::nullopt;
  return std::string(reason);
}

}  // namespace todo::auth
