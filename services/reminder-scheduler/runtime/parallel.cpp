#include "runtime/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace todo::reminder_scheduler {

void run_parallel(const std::vector<std::function<void()>>& jobs, std::size_t max_threads) {
  const std::size_t threads = std::min(jobs.size(), std::max<std::size_t>(max_threads, 1));
  if (threads <= 1) {
    for (const auto& job : jobs) job();
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) jobs[i]();
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();  // the calling thread takes its share
  for (auto& helper : helpers) helper.join();
}

}  // namespace todo::reminder_scheduler
