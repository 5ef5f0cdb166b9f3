#pragma once
// For test fixtures with a raw cpp-httplib server standing in for a sidecar or a backend.
#include <httplib.h>

#include <chrono>
#include <thread>

namespace todo::testing {

// Serves `server` (already bound) on a new thread and returns once its listen loop runs.
// cpp-httplib's stop() does nothing before then, so a fixture stopped at once would otherwise
// hang in join() (the frontend proxy tests did, about one run in ten).
inline std::thread serve_in_background(httplib::Server& server) {
  std::thread thread([&server] { server.listen_after_bind(); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!server.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return thread;
}

}  // namespace todo::testing
