#include "service/startup.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <thread>

namespace todo::service {

int retry_until_done(const std::string& what, const std::function<void()>& attempt,
                     StartupBackoff backoff) {
  return retry_until_done(
      what, attempt, [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }, backoff);
}

int retry_until_done(const std::string& what, const std::function<void()>& attempt,
                     const Pause& pause, StartupBackoff backoff) {
  auto wait = backoff.first;
  for (int attempts = 1;; ++attempts) {
    try {
      attempt();
      return attempts;
    } catch (const std::exception& e) {
      if (attempts == 1 || attempts % 10 == 0) {
        spdlog::warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempts, wait.count(),
                     e.what());
      }
    }
    pause(wait);
    wait = std::min(wait * 2, backoff.max);
  }
}

}  // namespace todo::service
