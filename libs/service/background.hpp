#pragma once
// Background work that stops promptly: a stop signal that interrupts waits, and a worker that
// runs a tick periodically on its own thread. Loops that slept with sleep_for kept their
// service from stopping for as long as the sleep (the outbox relay up to 5 s).
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace todo::service {

class StopSignal {
 public:
  void request() {
    {
      const std::lock_guard lock(mu_);
      requested_ = true;
    }
    cv_.notify_all();
  }
  bool requested() const {
    const std::lock_guard lock(mu_);
    return requested_;
  }
  // Waits `duration` or until stop is requested; true when it was.
  template <class Rep, class Period>
  bool wait_for(std::chrono::duration<Rep, Period> duration) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, duration, [this] { return requested_; });
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool requested_ = false;
};

// Calls `tick` every `period` on its own thread from start() until stop() (or destruction). A
// tick that throws is logged under `name` and the next one runs as usual (a store or sidecar
// that is away now may answer in a second).
class PeriodicWorker {
 public:
  PeriodicWorker(std::string name, std::function<void()> tick, std::chrono::milliseconds period)
      : name_(std::move(name)), tick_(std::move(tick)), period_(period) {}
  ~PeriodicWorker() { stop(); }
  PeriodicWorker(const PeriodicWorker&) = delete;
  PeriodicWorker& operator=(const PeriodicWorker&) = delete;

  void start() {
    thread_ = std::thread([this] {
      while (!stop_.wait_for(period_)) {
        try {
          tick_();
        } catch (const std::exception& e) {
          spdlog::warn("{}: {}", name_, e.what());
        }
      }
    });
  }
  void stop() {
    stop_.request();
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::string name_;
  std::function<void()> tick_;
  std::chrono::milliseconds period_;
  StopSignal stop_;
  std::thread thread_;
};

}  // namespace todo::service
