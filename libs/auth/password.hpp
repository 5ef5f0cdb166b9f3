#pragma once
// Password hashing: argon2id through libsodium, with parameters in the hash string itself, so
// stronger parameters later still verify older hashes.
#include <string>

namespace todo::auth {

// "$argon2id$v=19$m=65536,t=2,p=1$..." (OPSLIMIT/MEMLIMIT_INTERACTIVE: 64 MiB, ~0.1 s per call).
// At most one hash per CPU core runs at a time; further callers wait, so a burst of logins costs
// queueing, not 64 MiB each. Throws std::runtime_error when memory runs out.
std::string hash_password(const std::string& password);

// Constant-time check of `password` against a hash from hash_password. False for a wrong password
// and for anything that is not a well-formed libsodium argon2 hash string. Never throws for bad
// input; shares hash_password's concurrency limit.
bool verify_password(const std::string& hash, const std::string& password);

}  // namespace todo::auth
