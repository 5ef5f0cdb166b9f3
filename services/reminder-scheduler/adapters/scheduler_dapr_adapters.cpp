#include "adapters/scheduler_dapr_adapters.hpp"

#include "dapr/cloud_event.hpp"
#include "time/rfc3339.hpp"

namespace todo::reminder_scheduler {

DaprBucketStore::DaprBucketStore(dapr::Client& dapr, std::string store)
    : dapr_(dapr), store_(std::move(store)) {}

std::optional<StoredBucket> DaprBucketStore::get(const std::string& key) {
  auto item = dapr_.get_state(store_, key);
  if (!item) return std::nullopt;
  return StoredBucket{key, std::move(item->value), std::move(item->etag)};
}

std::vector<StoredBucket> DaprBucketStore::get_many(const std::vector<std::string>& keys) {
  std::vector<StoredBucket> buckets;
  for (auto& item : dapr_.get_bulk_state(store_, keys)) {
    buckets.push_back({std::move(item.key), std::move(item.value), std::move(item.etag)});
  }
  return buckets;
}

void DaprBucketStore::put(const std::string& key, const nlohmann::json& value,
                          const std::optional<std::string>& etag) {
  dapr::StateWrite write;
  write.key = key;
  write.value = value;
  // A new bucket: "first-write" makes a concurrent creation by another process fail instead of
  // one overwriting the other. An empty ETag (a store without them) writes unconditionally.
  if (etag && !etag->empty()) write.etag = etag;
  write.first_write = !etag;
  dapr_.save_state(store_, {write});
}

DaprReminderPublisher::DaprReminderPublisher(dapr::Client& dapr, std::string pubsub,
                                             std::string source)
    : dapr_(dapr), pubsub_(std::move(pubsub)), source_(std::move(source)) {}

std::vector<std::string> DaprReminderPublisher::publish(const std::vector<Delivery>& deliveries) {
  const std::string now = time::format_rfc3339(time::instant_now());
  auto cloud_event = [&](const Delivery& d) {
    return dapr::make_cloud_event(d.event_id, source_, kReminderDueType, d.payload, now);
  };
  if (deliveries.size() == 1) {
    const Delivery& only = deliveries.front();
    dapr_.publish(pubsub_, kRemindersTopic, cloud_event(only),
                  {only.user_id, /*raw_cloud_event=*/true});
    return {};
  }
  std::vector<dapr::BulkEntry> entries;
  entries.reserve(deliveries.size());
  for (const Delivery& d : deliveries) {
    entries.push_back({d.event_id, cloud_event(d), {{"partitionKey", d.user_id}}});
  }
  return dapr_.bulk_publish(pubsub_, kRemindersTopic, entries);
}

}  // namespace todo::reminder_scheduler
