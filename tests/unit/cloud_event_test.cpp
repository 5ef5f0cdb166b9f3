#include "dapr/cloud_event.hpp"

#include <catch2/catch.hpp>

using todo::dapr::parse_cloud_event;

TEST_CASE("a Dapr-delivered CloudEvent is parsed", "[cloudevent]") {
  std::string err;
  auto ev = parse_cloud_event(
      R"({"specversion":"1.0","id":"e1","source":"task-service","type":"todo.task.created.v1",
          "topic":"task-events","pubsubname":"kafka-pubsub","data":{"a":1},
          "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"})",
      err);
  REQUIRE(ev);
  CHECK(ev->id == "e1");
  CHECK(ev->type == "todo.task.created.v1");
  CHECK(ev->topic == "task-events");
  CHECK(ev->data["a"] == 1);
}

TEST_CASE("a JSON payload carried as a string is decoded", "[cloudevent]") {
  std::string err;
  auto ev = parse_cloud_event(R"({"id":"e2","data":"{\"x\":true}"})", err);
  REQUIRE(ev);
  CHECK(ev->data["x"] == true);
}

TEST_CASE("not a CloudEvent: rejected with a reason", "[cloudevent]") {
  std::string err;
  CHECK_FALSE(parse_cloud_event("not json", err));
  CHECK(err.find("not a JSON object") != std::string::npos);
  CHECK_FALSE(parse_cloud_event(R"({"data":{}})", err));
  CHECK(err.find("no id") != std::string::npos);
}

TEST_CASE("make_cloud_event keeps the given id", "[cloudevent]") {
  auto ev = todo::dapr::make_cloud_event("42", "task-service", "t", {{"k", "v"}});
  CHECK(ev["id"] == "42");
  CHECK(ev["specversion"] == "1.0");
  CHECK(ev["datacontenttype"] == "application/json");
}
