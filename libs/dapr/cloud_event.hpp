#pragma once
// CloudEvents 1.0 as Dapr delivers and accepts them.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace todo::dapr {

struct CloudEvent {
  std::string id;
  std::string source;
  std::string type;
  std::string topic;
  std::string pubsub_name;
  std::string traceparent;
  std::string time;
  nlohmann::json data;  // the payload (parsed when the content type is JSON)
};

// Parses a delivered envelope. Returns std::nullopt (with `error` set) when it is not a
// CloudEvent at all; the payload itself is validated by the handler.
std::optional<CloudEvent> parse_cloud_event(const std::string& body, std::string& error);

// Builds a CloudEvent to publish raw, so its id survives (consumers deduplicate on it).
nlohmann::json make_cloud_event(const std::string& id, const std::string& source,
                                const std::string& type, const nlohmann::json& data,
                                const std::string& time_rfc3339 = "");

}  // namespace todo::dapr
