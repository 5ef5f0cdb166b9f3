#include "auth/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace todo::auth {

void ensure_sodium() {
  // A function-local static runs sodium_init exactly once, even with concurrent first callers.
  static const int kInitStatus = sodium_init();
  if (kInitStatus < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace todo::auth
