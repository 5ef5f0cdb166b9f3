#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "auth/sodium_init.hpp"

namespace todo::auth {
namespace {

// Argon2 is CPU- and memory-bound: running more at once than there are cores only multiplies
// the 64 MiB each one holds. A counting semaphore (C++17 has none) bounds that.
class HashSlots {
 public:
  HashSlots() : free_(std::max(2u, std::thread::hardware_concurrency())) {}
  void acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    available_.wait(lock, [this] { return free_ > 0; });
    --free_;
  }
  void release() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++free_;
    }
    available_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable available_;
  unsigned free_;
};

HashSlots& slots() {
  static HashSlots instance;
  return instance;
}

struct SlotLease {
  SlotLease() { slots().acquire(); }
  ~SlotLease() { slots().release(); }
  SlotLease(const SlotLease&) = delete;
  SlotLease& operator=(const SlotLease&) = delete;
};

}  // namespace

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  SlotLease lease;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  ensure_sodium();
  // libsodium reads the hash as a C string inside a crypto_pwhash_STRBYTES buffer: anything that
  // cannot fit, or hides a NUL, is not one of our hashes.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string::npos)
    return false;
  char stored[crypto_pwhash_STRBYTES] = {};
  std::memcpy(stored, hash.data(), hash.size());
  SlotLease lease;
  return crypto_pwhash_str_verify(stored, password.data(), password.size()) == 0;
}

}  // namespace todo::auth
