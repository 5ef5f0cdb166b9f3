#include "retry_worker.hpp"

#include <spdlog/spdlog.h>

namespace todo::notify {

void RetryWorker::start() {
  thread_ = std::thread([this] { run(); });
}

void RetryWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetryWorker::run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      tick_();
    } catch (const std::exception& e) {
      // The queue could not be read (sidecar or store away): the next tick tries again.
      spdlog::warn("retry queue not read: {}", e.what());
    }
    lock.lock();
  }
}

}  // namespace todo::notify
