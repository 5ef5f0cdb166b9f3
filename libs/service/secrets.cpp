#include "service/secrets.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "service/runtime.hpp"

namespace todo::service {

std::string read_secret(dapr::Client& dapr, const std::string& key) {
  for (int attempt = 1;; ++attempt) {
    try {
      auto values = dapr.get_secret(kSecretStore, key);
      auto it = values.find(key);
      if (it != values.end() && !it->second.empty()) return it->second;
      spdlog::critical("secret '{}' is missing or empty in the secret store", key);
      std::exit(2);
    } catch (const dapr::DaprError& e) {
      if (attempt == 1 || attempt % 10 == 0)
        spdlog::warn("waiting for secret '{}': {}", key, e.what());
      std::this_thread::sleep_for(std::chrono::seconds(1));  // retry interval
    }
  }
}

}  // namespace todo::service
