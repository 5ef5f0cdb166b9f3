// dapr::Publisher: what reaches the sidecar for each kind of publish, above all the partition key
// (Kafka's message key, which keeps one user's events in order).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <vector>

#include "dapr/cloud_event.hpp"
#include "dapr/publisher.hpp"
#include "fake_sidecar.hpp"

using nlohmann::json;
using todo::dapr::KeyedCloudEvent;
using todo::dapr::Publisher;
using todo::testing::FakeSidecar;

namespace {

// Records every publish request, single or bulk; `answer` decides the status and body.
class RecordingSidecar {
 public:
  explicit RecordingSidecar(const httplib::Server::Handler& answer = accept) {
    fake_.server.Post(R"(/v1\.0/publish/.*)", record(answer));
    fake_.server.Post(R"(/v1\.0-alpha1/publish/bulk/.*)", record(answer));
    fake_.start();
  }
  todo::dapr::Client client() const { return fake_.client(1); }
  std::vector<httplib::Request> requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  static void accept(const httplib::Request&, httplib::Response& res) { res.status = 204; }
  httplib::Server::Handler record(httplib::Server::Handler answer) {
    return [this, answer = std::move(answer)](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        requests_.push_back(req);
      }
      answer(req, res);
    };
  }

  std::mutex mu_;
  std::vector<httplib::Request> requests_;
  FakeSidecar fake_;  // last: stopped first, so no handler runs while the rest is destroyed
};

json event_with_id(const std::string& id) {
  return todo::dapr::make_cloud_event(id, "test", "todo.test.v1", {{"n", 1}});
}

}  // namespace

TEST_CASE("publish sends plain data under the partition key", "[dapr][publisher]") {
  RecordingSidecar sidecar;
  auto client = sidecar.client();
  Publisher publisher(client, "kafka-pubsub");
  publisher.publish("task-commands", "user 1", {{"task_id", "t1"}});

  const auto requests = sidecar.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/v1.0/publish/kafka-pubsub/task-commands");
  CHECK(requests[0].get_param_value("metadata.partitionKey") == "user 1");
  // Plain data: the sidecar wraps it in a CloudEvent of its own.
  CHECK(requests[0].get_header_value("Content-Type") == "application/json");
  CHECK(json::parse(requests[0].body) == json{{"task_id", "t1"}});
}

TEST_CASE("publish_cloud_event sends the event as is under the partition key",
          "[dapr][publisher]") {
  RecordingSidecar sidecar;
  auto client = sidecar.client();
  Publisher publisher(client, "kafka-pubsub");
  publisher.publish_cloud_event("task-updates", "user-2", event_with_id("e1"));

  const auto requests = sidecar.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/v1.0/publish/kafka-pubsub/task-updates");
  CHECK(requests[0].get_param_value("metadata.partitionKey") == "user-2");
  CHECK(requests[0].get_header_value("Content-Type") == "application/cloudevents+json");
  CHECK(json::parse(requests[0].body) == event_with_id("e1"));
}

TEST_CASE("publish_cloud_events: one event is a single publish, several one bulk call",
          "[dapr][publisher]") {
  RecordingSidecar sidecar;
  auto client = sidecar.client();
  Publisher publisher(client, "kafka-pubsub");

  CHECK(publisher.publish_cloud_events("reminders", {{"user-1", event_with_id("a")}}).empty());
  CHECK(publisher
            .publish_cloud_events("reminders",
                                  {{"user-2", event_with_id("b")}, {"user-3", event_with_id("c")}})
            .empty());
  CHECK(publisher.publish_cloud_events("reminders", {}).empty());  // nothing to send: no call

  const auto requests = sidecar.requests();
  REQUIRE(requests.size() == 2);
  const auto& single = requests[0];
  CHECK(single.path == "/v1.0/publish/kafka-pubsub/reminders");
  CHECK(single.get_param_value("metadata.partitionKey") == "user-1");
  CHECK(single.get_header_value("Content-Type") == "application/cloudevents+json");
  CHECK(json::parse(single.body) == event_with_id("a"));

  const auto& bulk = requests[1];
  CHECK(bulk.path == "/v1.0-alpha1/publish/bulk/kafka-pubsub/reminders");
  CHECK_FALSE(bulk.has_param("metadata.partitionKey"));  // it would override each entry's key
  const auto entries = json::parse(bulk.body);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0]["entryId"] == "b");
  CHECK(entries[0]["event"] == event_with_id("b"));
  CHECK(entries[0]["contentType"] == "application/cloudevents+json");
  CHECK(entries[0]["metadata"] == json{{"partitionKey", "user-2"}});
  CHECK(entries[1]["entryId"] == "c");
  CHECK(entries[1]["metadata"] == json{{"partitionKey", "user-3"}});
}

TEST_CASE("publish_cloud_events returns the ids of the events the sidecar refused",
          "[dapr][publisher]") {
  RecordingSidecar sidecar([](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content(R"({"failedEntries":[{"entryId":"c","error":"x"}],"errorCode":"E"})",
                    "application/json");
  });
  auto client = sidecar.client();
  Publisher publisher(client, "kafka-pubsub");
  const auto failed = publisher.publish_cloud_events(
      "task-events", {{"user-1", event_with_id("b")}, {"user-1", event_with_id("c")}});
  CHECK(failed == std::vector<std::string>{"c"});
}
