#include "db/prepared.hpp"

#include <cstdint>

namespace todo::tasksvc {

std::string prepared_name(const std::string& sql) {
  // 64-bit FNV-1a: stable across runs and builds (std::hash is not promised to be), and two
  // different texts colliding among the few dozen statements a process uses is not a real risk.
  std::uint64_t hash = 1469598103934665603ULL;
  for (const unsigned char c : sql) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name = "q";
  for (int shift = 60; shift >= 0; shift -= 4) name += kHex[(hash >> shift) & 0xF];
  return name;
}

}  // namespace todo::tasksvc
