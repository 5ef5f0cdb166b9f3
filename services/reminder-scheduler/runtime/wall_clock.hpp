#pragma once
// The scheduler's notion of "now", injectable so unit tests can move time by hand.
#include <chrono>
#include <functional>

#include "time/instant.hpp"

namespace todo::reminder_scheduler {

using WallTime = std::chrono::system_clock::time_point;
using WallClock = std::function<WallTime()>;

inline WallClock system_wall_clock() {
  return [] { return std::chrono::system_clock::now(); };
}

// The whole second a wall time falls in: fire instants have second precision, so a firing at
// 10:00:00 is due from 10:00:00.000 on.
inline time::Instant to_instant(WallTime t) {
  return std::chrono::floor<std::chrono::seconds>(t);
}

// Seconds from `from` to `to` (negative when `to` is earlier).
inline double seconds_between(WallTime from, WallTime to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace todo::reminder_scheduler
