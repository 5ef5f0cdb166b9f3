#pragma once
// Where buckets are kept: the Dapr state store in production
// (adapters/scheduler_dapr_adapters.hpp), a map in unit tests. Values are the JSON of bucket.hpp;
// ETags make read-modify-write safe.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace todo::reminder_scheduler {

struct StoredBucket {
  std::string key;
  nlohmann::json value;
  std::string etag;
};

class BucketStore {
 public:
  virtual ~BucketStore() = default;
  virtual std::optional<StoredBucket> get(const std::string& key) = 0;
  // The buckets that exist among `keys` (missing keys are left out), in any order.
  virtual std::vector<StoredBucket> get_many(const std::vector<std::string>& keys) = 0;
  // Saves only if the stored value still has `etag` (nullopt: only if there is none yet; empty:
  // the store gave no ETag, so unconditionally);
  // throws dapr::EtagMismatch otherwise, and dapr::DaprError when the store cannot be reached.
  virtual void put(const std::string& key, const nlohmann::json& value,
                   const std::optional<std::string>& etag) = 0;
};

}  // namespace todo::reminder_scheduler
