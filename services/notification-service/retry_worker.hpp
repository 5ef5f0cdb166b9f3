#pragma once
// Calls a retry queue's tick (Notifier::retry_due, VerificationMailer::retry_due) once a second
// on its own thread, until stop(). The period is the retry queue's granularity (its times are
// whole seconds), not a wait for a condition.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace todo::notify {

class RetryWorker {
 public:
  explicit RetryWorker(std::function<void()> tick,
                       std::chrono::milliseconds period = std::chrono::seconds(1))
      : tick_(std::move(tick)), period_(period) {}
  ~RetryWorker() { stop(); }
  RetryWorker(const RetryWorker&) = delete;
  RetryWorker& operator=(const RetryWorker&) = delete;

  void start();
  void stop();

 private:
  void run();

  std::function<void()> tick_;
  std::chrono::milliseconds period_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace todo::notify
