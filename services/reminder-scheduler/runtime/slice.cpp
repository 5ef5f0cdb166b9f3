#include "runtime/slice.hpp"

#include <stdexcept>

#include "ids/stable_hash.hpp"

namespace todo::reminder_scheduler {

bool Slice::owns(const std::string& user_id) const {
  return ids::stable_hash(user_id) % count == index;
}

Slice make_slice(long index, long count) {
  if (count < 1 || count > 1024) throw std::invalid_argument("--slices must be in [1, 1024]");
  if (index < 0 || index >= count) throw std::invalid_argument("--slice must be in [0, --slices)");
  return Slice{static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(count)};
}

}  // namespace todo::reminder_scheduler
