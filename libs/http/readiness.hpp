#pragma once
// Readiness: named dependency checks run in the background on a fixed period, so /readyz
// answers instantly and a dead dependency costs one log line per period, not one per probe.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace todo::http {

class Readiness {
 public:
  // A check returns std::nullopt when healthy, or a short reason when not.
  using Check = std::function<std::optional<std::string>()>;

  explicit Readiness(std::chrono::milliseconds period = std::chrono::seconds(5));
  ~Readiness();
  Readiness(const Readiness&) = delete;
  Readiness& operator=(const Readiness&) = delete;

  void add(std::string name, Check check);
  void start();  // runs every check once right away, then every period
  void stop();
  void run_once();  // runs the checks now (used at start and by tests)

  bool ready() const;
  nlohmann::json status() const;  // {"ready": bool, "checks": {name: "ok" | reason}}

 private:
  void loop();

  std::chrono::milliseconds period_;
  std::vector<std::pair<std::string, Check>> checks_;
  mutable std::mutex mu_;
  std::map<std::string, std::optional<std::string>> results_;
  std::atomic<bool> ready_{false};
  std::atomic<bool> stopping_{false};
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace todo::http
