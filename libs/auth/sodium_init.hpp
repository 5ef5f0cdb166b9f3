#pragma once
// libsodium must be initialised before its first use; every auth entry point calls this.
namespace todo::auth {

// Initialises libsodium once per process (thread-safe); throws std::runtime_error if it cannot.
void ensure_sodium();

}  // namespace todo::auth
