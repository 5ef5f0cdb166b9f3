// What the scheduler sends to the sidecar (its publisher, and its buckets through
// dapr::DaprStateStore), against an in-process fake sidecar on a port the system picks.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <thread>
#include <vector>

#include "adapters/dapr_reminder_publisher.hpp"
#include "dapr/state_store.hpp"
#include "scheduler_test_support.hpp"
#include "serve_in_background.hpp"

using namespace reminder_test;

namespace {

class SidecarStub {
 public:
  SidecarStub() {
    server.Post(R"(/v1\.0/publish/kafka-pubsub/reminders)", record(204));
    server.Post(R"(/v1\.0-alpha1/publish/bulk/kafka-pubsub/reminders)", record(204));
    server.Post(R"(/v1\.0/state/statestore)", record(204));
    // reminders-0-1 exists (ETag e1), every other bucket does not.
    server.Get(R"(/v1\.0/state/statestore/reminders-0-1)", [this](const auto& req, auto& res) {
      remember(req);
      res.set_header("ETag", "e1");
      res.set_content(R"({"tasks":{},"fired":{},"skipped":{}})", "application/json");
    });
    server.Get(R"(/v1\.0/state/statestore/reminders-0-2)", [this](const auto& req, auto& res) {
      remember(req);
      res.status = 204;
    });
    server.Post(R"(/v1\.0/state/statestore/bulk)", [this](const auto& req, auto& res) {
      remember(req);
      res.set_content(R"([{"key":"reminders-0-1","data":{"tasks":{}},"etag":"e1"},)"
                      R"({"key":"reminders-0-2"}])",
                      "application/json");
    });
    port_ = server.bind_to_any_port("127.0.0.1");
    thread_ = todo::testing::serve_in_background(server);
  }
  ~SidecarStub() {
    server.stop();
    thread_.join();
  }
  dapr::Client client() const {
    dapr::ClientOptions options;
    options.http_port = port_;
    options.max_attempts = 1;
    return dapr::Client(options);
  }
  std::vector<httplib::Request> requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

  httplib::Server server;

 private:
  httplib::Server::Handler record(int status) {
    return [this, status](const httplib::Request& req, httplib::Response& res) {
      remember(req);
      res.status = status;
    };
  }
  void remember(const httplib::Request& req) {
    std::lock_guard<std::mutex> lock(mu_);
    requests_.push_back(req);
  }

  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<httplib::Request> requests_;
};

Delivery delivery(const std::string& id, const std::string& user) {
  Delivery d;
  d.event_id = id;
  d.user_id = user;
  d.payload = {{"firing_id", id}};
  return d;
}

}  // namespace

TEST_CASE("reminder events go out as raw CloudEvents keyed by user", "[reminder-scheduler]") {
  SidecarStub sidecar;
  auto client = sidecar.client();
  DaprReminderPublisher publisher(todo::dapr::Publisher(client, "kafka-pubsub"),
                                  "reminder-scheduler");

  CHECK(publisher.publish({delivery("t1:r1:100", "user-1")}).empty());
  CHECK(publisher.publish({delivery("t2:r1:100", "user-2"), delivery("t3:r1:100", "user-3")})
            .empty());

  const auto requests = sidecar.requests();
  REQUIRE(requests.size() == 2);
  const auto& single = requests[0];
  CHECK(single.get_param_value("metadata.partitionKey") == "user-1");
  CHECK(single.get_header_value("Content-Type") == "application/cloudevents+json");
  const auto event = nlohmann::json::parse(single.body);
  CHECK(event["id"] == "t1:r1:100");
  CHECK(event["type"] == "todo.reminder.due.v1");
  CHECK(event["source"] == "reminder-scheduler");
  CHECK(event["data"]["firing_id"] == "t1:r1:100");

  const auto& bulk = requests[1];
  CHECK_FALSE(bulk.has_param("metadata.partitionKey"));  // it would override each entry's key
  const auto entries = nlohmann::json::parse(bulk.body);
  REQUIRE(entries.size() == 2);
  CHECK(entries[1]["entryId"] == "t3:r1:100");
  CHECK(entries[1]["event"]["id"] == "t3:r1:100");
  CHECK(entries[1]["metadata"]["partitionKey"] == "user-3");
}

TEST_CASE("buckets are written with their ETag, new ones with first-write",
          "[reminder-scheduler]") {
  SidecarStub sidecar;
  auto client = sidecar.client();
  dapr::DaprStateStore store(client, "statestore");
  ManualClock clock;
  BucketWriter writer(store, clock.fn());
  const auto record_fired = [&](Bucket& bucket) {
    bucket.fired["t1:r1:100"] = to_instant(clock.now);
    return true;
  };

  writer.update("reminders-0-2", record_fired);
  writer.update("reminders-0-1", record_fired);
  const auto found = store.get_many({"reminders-0-1", "reminders-0-2"});

  const auto requests = sidecar.requests();
  REQUIRE(requests.size() == 5);  // read, write; read, write; bulk read
  const auto created = nlohmann::json::parse(requests[1].body)[0];
  CHECK(created["key"] == "reminders-0-2");
  CHECK_FALSE(created.contains("etag"));
  CHECK(created["options"]["concurrency"] == "first-write");
  const auto fired_at = to_instant(clock.now).time_since_epoch().count();
  CHECK(created["value"] == nlohmann::json{{"tasks", nlohmann::json::object()},
                                           {"fired", {{"t1:r1:100", fired_at}}},
                                           {"skipped", nlohmann::json::object()}});
  const auto updated = nlohmann::json::parse(requests[3].body)[0];
  CHECK(updated["key"] == "reminders-0-1");
  CHECK(updated["etag"] == "e1");
  CHECK(updated["options"]["concurrency"] == "first-write");
  CHECK(nlohmann::json::parse(requests[4].body)["keys"].size() == 2);
  REQUIRE(found.size() == 1);  // the missing key is left out
  CHECK(found[0].first == "reminders-0-1");
  CHECK(found[0].second.etag == "e1");
}
