#pragma once
// Calls Notifier::retry_due once a second on its own thread, until stop(). The period is the
// retry queue's granularity (its times are whole seconds), not a wait for a condition.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "notifier.hpp"

namespace todo::notify {

class RetryWorker {
 public:
  explicit RetryWorker(Notifier& notifier,
                       std::chrono::milliseconds period = std::chrono::seconds(1))
      : notifier_(notifier), period_(period) {}
  ~RetryWorker() { stop(); }
  RetryWorker(const RetryWorker&) = delete;
  RetryWorker& operator=(const RetryWorker&) = delete;

  void start();
  void stop();

 private:
  void run();

  Notifier& notifier_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace todo::notify
