#include "dapr/publisher.hpp"

namespace todo::dapr {

Publisher::Publisher(Client& client, std::string pubsub)
    : client_(&client), pubsub_(std::move(pubsub)) {}

void Publisher::publish(const std::string& topic, const std::string& partition_key,
                        const nlohmann::json& data) {
  client_->publish(pubsub_, topic, data, {partition_key, /*raw_cloud_event=*/false});
}

void Publisher::publish_cloud_event(const std::string& topic, const std::string& partition_key,
                                    const nlohmann::json& cloud_event) {
  client_->publish(pubsub_, topic, cloud_event, {partition_key, /*raw_cloud_event=*/true});
}

std::vector<std::string> Publisher::publish_cloud_events(const std::string& topic,
                                                         std::vector<KeyedCloudEvent> events) {
  if (events.empty()) return {};
  if (events.size() == 1) {
    publish_cloud_event(topic, events.front().partition_key, events.front().cloud_event);
    return {};
  }
  // Each entry carries its own key; a key for the whole call would override them all.
  std::vector<BulkEntry> entries;
  entries.reserve(events.size());
  for (auto& e : events) {
    std::string id = e.cloud_event.at("id").get<std::string>();
    entries.push_back(
        {std::move(id), std::move(e.cloud_event), {{"partitionKey", std::move(e.partition_key)}}});
  }
  return client_->bulk_publish(pubsub_, topic, entries);
}

}  // namespace todo::dapr
