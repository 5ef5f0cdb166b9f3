#pragma once
// Publishing as every service of this platform must: each message carries its Kafka key (Dapr's
// `partitionKey` metadata), so the messages of one key stay in order on one partition. The key
// is the user id for everything about a user (docs/architecture.md, "Ordering per user").
// A Publisher is bound to one pub/sub component, and every method takes the key as a required
// argument: a publish cannot leave it out by forgetting to fill an options struct.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dapr/client.hpp"

namespace todo::dapr {

// A complete CloudEvent (make_cloud_event) and the key it is published under.
struct KeyedCloudEvent {
  std::string partition_key;
  nlohmann::json cloud_event;  // its "id" names it among the failures of publish_cloud_events
};

class Publisher {
 public:
  // A small value (the client by reference and the component's name): adapters keep a copy.
  Publisher(Client& client, std::string pubsub);

  // `data` as plain JSON: the sidecar wraps it in a CloudEvent of its own (a new id each time,
  // type com.dapr.event.sent).
  void publish(const std::string& topic, const std::string& partition_key,
               const nlohmann::json& data);
  // A complete CloudEvent, sent as is: its id survives, and consumers deduplicate on it.
  void publish_cloud_event(const std::string& topic, const std::string& partition_key,
                           const nlohmann::json& cloud_event);
  // Several CloudEvents to one topic, each under its own key, in one bulk call to the sidecar
  // (one event alone goes to the plain publish endpoint, as the outbox relay and the reminder
  // scheduler always sent it). Returns the ids of the events the sidecar refused, empty when it
  // took all of them; throws DaprError when it took none. Takes the events by value: they move
  // into the request instead of being copied (the outbox relay sends 200 at a time).
  std::vector<std::string> publish_cloud_events(const std::string& topic,
                                                std::vector<KeyedCloudEvent> events);

  const std::string& pubsub() const { return pubsub_; }

 private:
  Client* client_;  // a pointer, so that a Publisher can be copied and assigned
  std::string pubsub_;
};

}  // namespace todo::dapr
