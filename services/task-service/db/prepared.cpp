#include "db/prepared.hpp"

#include <cstdint>

#include "ids/stable_hash.hpp"

namespace todo::tasksvc {

std::string prepared_name(const std::string& sql) {
  // Stable across runs and builds; two different texts colliding among the few dozen statements
  // a process uses is not a real risk.
  const std::uint64_t hash = ids::stable_hash(sql);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name = "q";
  for (int shift = 60; shift >= 0; shift -= 4) name += kHex[(hash >> shift) & 0xF];
  return name;
}

}  // namespace todo::tasksvc
