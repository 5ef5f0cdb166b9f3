#pragma once
// An instant on the UTC time line with whole-second precision: what storage and the wire carry.
#include <chrono>

namespace todo::time {

using Instant = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

// The current instant, truncated to the second (the precision of everything we store).
inline Instant instant_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace todo::time
