#pragma once
// Scale-out: n instances share the users, each keeping the reminders of the users whose stable
// hash falls in its slice. Every instance reads all task events (its own consumer group) and
// ignores the other slices' users.
#include <cstdint>
#include <string>

namespace todo::reminder_scheduler {

struct Slice {
  std::uint32_t index = 0;  // k, in [0, count)
  std::uint32_t count = 1;  // n, at least 1

  bool owns(const std::string& user_id) const;
};

// Throws std::invalid_argument unless count >= 1 and index < count.
Slice make_slice(long index, long count);

}  // namespace todo::reminder_scheduler
