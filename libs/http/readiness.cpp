#include "http/readiness.hpp"

#include <spdlog/spdlog.h>

namespace todo::http {

Readiness::Readiness(std::chrono::milliseconds period) : period_(period) {}

Readiness::~Readiness() {
  stop();
}

void Readiness::add(std::string name, Check check) {
  std::lock_guard<std::mutex> lock(mu_);
  results_[name] = std::string("not checked yet");
  checks_.emplace_back(std::move(name), std::move(check));
}

void Readiness::start() {
  run_once();
  thread_ = std::thread([this] { loop(); });
}

void Readiness::stop() {
  stopping_ = true;
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Readiness::loop() {
  std::mutex sleep_mu;
  while (!stopping_) {
    {
      std::unique_lock<std::mutex> lock(sleep_mu);
      wake_.wait_for(lock, period_, [this] { return stopping_.load(); });
    }
    if (!stopping_) run_once();
  }
}

void Readiness::run_once() {
  bool all_ok = true;
  for (const auto& [name, check] : checks_) {
    std::optional<std::string> result;
    try {
      result = check();
    } catch (const std::exception& e) {
      result = std::string("check failed: ") + e.what();
    }
    std::optional<std::string> previous;
    {
      std::lock_guard<std::mutex> lock(mu_);
      previous = results_[name];
      results_[name] = result;
    }
    if (result) {
      all_ok = false;
      // One line per failing check per period: enough to follow, never a flood.
      spdlog::warn("dependency '{}' not ready: {} (next check in {} ms)", name, *result,
                   period_.count());
    } else if (previous) {
      spdlog::info("dependency '{}' is ready", name);
    }
  }
  ready_ = all_ok;
}

bool Readiness::ready() const {
  return ready_;
}

nlohmann::json Readiness::status() const {
  nlohmann::json checks = nlohmann::json::object();
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [name, result] : results_) checks[name] = result ? *result : "ok";
  return {{"ready", ready_.load()}, {"checks", checks}};
}

}  // namespace todo::http
