#pragma once
// The attempt counters of auth/attempt_limiter.hpp in a Dapr state store, compare-and-set by ETag.
#include <string>

#include "auth/attempt_limiter.hpp"
#include "dapr/client.hpp"

namespace todo::service {

class DaprAttemptStore : public auth::AttemptStore {
 public:
  DaprAttemptStore(dapr::Client& dapr, std::string store) : dapr_(dapr), store_(std::move(store)) {}
  std::optional<Stored> load(const std::string& key) override;
  bool save(const std::string& key, const nlohmann::json& value,
            const std::optional<std::string>& etag, std::chrono::seconds ttl) override;

 private:
  dapr::Client& dapr_;
  std::string store_;
};

}  // namespace todo::service
