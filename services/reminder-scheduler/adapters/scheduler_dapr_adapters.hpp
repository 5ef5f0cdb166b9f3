#pragma once
// The scheduler's store and publisher on Dapr: the state store and the `reminders` topic.
#include <string>

#include "buckets/bucket_store.hpp"
#include "dapr/client.hpp"
#include "firing/reminder_publisher.hpp"

namespace todo::reminder_scheduler {

class DaprBucketStore final : public BucketStore {
 public:
  DaprBucketStore(dapr::Client& dapr, std::string store);
  std::optional<StoredBucket> get(const std::string& key) override;
  std::vector<StoredBucket> get_many(const std::vector<std::string>& keys) override;
  void put(const std::string& key, const nlohmann::json& value,
           const std::optional<std::string>& etag) override;

 private:
  dapr::Client& dapr_;
  std::string store_;
};

class DaprReminderPublisher final : public ReminderPublisher {
 public:
  DaprReminderPublisher(dapr::Client& dapr, std::string pubsub, std::string source);
  // Raw CloudEvents (so their ids survive), keyed by user id; several at once as one bulk
  // publish, each entry carrying its own partition key.
  std::vector<std::string> publish(const std::vector<Delivery>& deliveries) override;

 private:
  dapr::Client& dapr_;
  std::string pubsub_;
  std::string source_;
};

}  // namespace todo::reminder_scheduler
