#include "dapr/cloud_event.hpp"

#include "json/bounded_parse.hpp"

namespace todo::dapr {
namespace {

std::string string_field(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<CloudEvent> parse_cloud_event(const std::string& body, std::string& error) {
  auto j = todo::json::parse(body);
  if (j.is_discarded() || !j.is_object()) {
    error = "the envelope is not a JSON object";
    return std::nullopt;
  }
  CloudEvent ev;
  ev.id = string_field(j, "id");
  ev.source = string_field(j, "source");
  ev.type = string_field(j, "type");
  ev.topic = string_field(j, "topic");
  ev.pubsub_name = string_field(j, "pubsubname");
  ev.traceparent = string_field(j, "traceparent");
  ev.time = string_field(j, "time");
  if (ev.id.empty()) {
    error = "the CloudEvent has no id";
    return std::nullopt;
  }
  if (j.contains("data")) {
    ev.data = j["data"];
    // A JSON payload published as a string (or by a client that double-encoded it).
    if (ev.data.is_string()) {
      auto inner = todo::json::parse(ev.data.get<std::string>());
      if (!inner.is_discarded() && (inner.is_object() || inner.is_array())) ev.data = inner;
    }
  } else if (j.contains("data_base64")) {
    ev.data = j["data_base64"];
  }
  return ev;
}

nlohmann::json make_cloud_event(const std::string& id, const std::string& source,
                                const std::string& type, const nlohmann::json& data,
                                const std::string& time_rfc3339) {
  nlohmann::json ev = {{"specversion", "1.0"},
                       {"id", id},
                       {"source", source},
                       {"type", type},
                       {"datacontenttype", "application/json"},
                       {"data", data}};
  if (!time_rfc3339.empty()) ev["time"] = time_rfc3339;
  return ev;
}

}  // namespace todo::dapr
