#include "event_hub.hpp"

#include <catch2/catch.hpp>
#include <thread>

#include "dapr/cloud_event.hpp"
#include "event_stream.hpp"

using namespace todo::frontend;
using namespace std::chrono_literals;

namespace {

std::vector<StreamEvent> drain(Stream& s) {
  std::vector<StreamEvent> out;
  s.wait(out, 0ms);
  return out;
}

}  // namespace

TEST_CASE("each event reaches only the streams of its user", "[frontend][hub]") {
  EventHub hub({1000, 300s, 10, 100, "e1"});
  auto alice1 = hub.open("alice", std::nullopt);
  auto alice2 = hub.open("alice", std::nullopt);
  auto bob = hub.open("bob", std::nullopt);
  const auto id = hub.publish("alice", "update", "{\"n\":1}");
  CHECK(id == "e1-1");
  for (auto* s : {alice1.get(), alice2.get()}) {
    const auto got = drain(*s);
    REQUIRE(got.size() == 1);
    CHECK(got[0].id == "e1-1");
    CHECK(got[0].data == "{\"n\":1}");
  }
  CHECK(drain(*bob).empty());
  CHECK(hub.open_streams() == 3);
  bob.reset();
  CHECK(hub.open_streams() == 2);
}

TEST_CASE("a reconnecting stream gets what it missed, in order", "[frontend][hub]") {
  EventHub hub({1000, 300s, 10, 100, "e1"});
  hub.publish("alice", "update", "a");
  hub.publish("bob", "update", "b");
  const auto second = hub.publish("alice", "update", "c");
  hub.publish("alice", "update", "d");
  auto s = hub.open("alice", std::string("e1-1"));
  auto got = drain(*s);
  REQUIRE(got.size() == 2);
  CHECK(got[0].data == "c");
  CHECK(got[0].id == second);
  CHECK(got[1].data == "d");
  // Up to date: nothing to replay, nothing to resync.
  auto current = hub.open("alice", got[1].id);
  CHECK(drain(*current).empty());
  // A user with no event since start, reconnecting with an id of this process: nothing missed.
  auto carol = hub.open("carol", std::string("e1-2"));
  CHECK(drain(*carol).empty());
}

TEST_CASE("a stream that cannot be replayed is told to resync", "[frontend][hub]") {
  EventHub hub({2, 300s, 10, 100, "e1"});
  for (int i = 0; i < 5; ++i) hub.publish("alice", "update", std::to_string(i));
  SECTION("evicted from the ring") {
    auto s = hub.open("alice", std::string("e1-1"));
    const auto got = drain(*s);
    REQUIRE(got.size() == 1);
    CHECK(got[0].name == "resync");
    CHECK(got[0].id.empty());
  }
  SECTION("an id of another process") {
    auto s = hub.open("alice", std::string("e0-4"));
    const auto got = drain(*s);
    REQUIRE(got.size() == 1);
    CHECK(got[0].name == "resync");
  }
  SECTION("garbage or an id from the future") {
    for (const std::string id : {"nonsense", "e1-999", "e1-"}) {
      auto s = hub.open("alice", id);
      const auto got = drain(*s);
      REQUIRE(got.size() == 1);
      CHECK(got[0].name == "resync");
    }
  }
  SECTION("the last two are still there") {
    auto s = hub.open("alice", std::string("e1-3"));
    const auto got = drain(*s);
    REQUIRE(got.size() == 2);
    CHECK(got[0].data == "3");
    CHECK(got[1].data == "4");
  }
}

TEST_CASE("events older than the ring's age are not replayed", "[frontend][hub]") {
  EventHub hub({100, 0s, 10, 100, "e1"});
  hub.publish("alice", "update", "old");
  std::this_thread::sleep_for(5ms);  // ages the event past a zero-second window
  hub.publish("alice", "update", "new");
  auto s = hub.open("alice", std::string("e1-0"));
  const auto got = drain(*s);
  REQUIRE(got.size() == 1);
  CHECK(got[0].name == "resync");
}

TEST_CASE("streams are limited, and a slow stream is resynced", "[frontend][hub]") {
  EventHub hub({1000, 300s, 2, 3, "e1"});
  auto a = hub.open("u", std::nullopt);
  auto b = hub.open("u", std::nullopt);
  CHECK(hub.open("u", std::nullopt) == nullptr);
  b.reset();
  auto c = hub.open("v", std::nullopt);
  CHECK(c != nullptr);
  for (int i = 0; i < 5; ++i) hub.publish("u", "update", std::to_string(i));
  const auto got = drain(*a);
  REQUIRE(got.size() == 1);
  CHECK(got[0].name == "resync");
  hub.publish("u", "update", "after");
  const auto next = drain(*a);
  REQUIRE(next.size() == 1);
  CHECK(next[0].data == "after");
}

TEST_CASE("a waiting stream wakes up when its event arrives", "[frontend][hub]") {
  EventHub hub({1000, 300s, 10, 100, "e1"});
  auto s = hub.open("u", std::nullopt);
  std::thread publisher([&] {
    std::this_thread::sleep_for(20ms);
    hub.publish("u", "update", "x");
  });
  std::vector<StreamEvent> out;
  const bool got = s->wait(out, 5000ms);
  publisher.join();
  REQUIRE(got);
  CHECK(out.at(0).data == "x");
}

TEST_CASE("events are written in SSE form", "[frontend][hub]") {
  StreamEvent ev;
  ev.id = "e1-7";
  ev.name = "update";
  ev.data = "{\"a\":1}";
  CHECK(format_sse(ev) == "id: e1-7\nevent: update\ndata: {\"a\":1}\n\n");
  ev.id.clear();
  ev.data = "x\ny";
  CHECK(format_sse(ev) == "event: update\ndata: x\ndata: y\n\n");
  CHECK(parse_event_id("123-45") == std::make_pair(std::string("123"), uint64_t{45}));
  CHECK_FALSE(parse_event_id("-45"));
  CHECK_FALSE(parse_event_id("12-4x"));
}

TEST_CASE("task-updates events become browser updates keyed by their user", "[frontend][hub]") {
  todo::dapr::CloudEvent ev;
  ev.id = "ce-1";
  ev.type = "todo.ui.task.created.v1";
  ev.data = {{"kind", "task"}, {"user_id", "u1"}, {"task", {{"id", "t1"}}}};
  std::string user, data;
  REQUIRE(update_for_browser(ev, user, data));
  CHECK(user == "u1");
  const auto parsed = nlohmann::json::parse(data);
  CHECK(parsed["type"] == "todo.ui.task.created.v1");
  CHECK(parsed["id"] == "ce-1");
  CHECK(parsed["data"]["task"]["id"] == "t1");
  ev.data = {{"kind", "task"}};
  CHECK_FALSE(update_for_browser(ev, user, data));

  todo::metrics::Registry registry;
  EventHub hub({1000, 300s, 10, 100, "e1"});
  auto s = hub.open("u2", std::nullopt);
  auto handler = task_updates_handler(hub, registry);
  ev.type = "todo.notification.created.v1";
  ev.data = {{"user_id", "u2"}, {"notification", {{"id", "n1"}}}};
  CHECK(handler(ev) == todo::dapr::Outcome::success);
  ev.data = {{"no_user", true}};
  CHECK(handler(ev) == todo::dapr::Outcome::success);
  const auto got = drain(*s);
  REQUIRE(got.size() == 1);
  CHECK(nlohmann::json::parse(got[0].data)["data"]["notification"]["id"] == "n1");
  ev.data = "not an object";
  CHECK_THROWS_AS(handler(ev), todo::errors::MalformedMessage);
}

TEST_CASE("one user holds at most max_streams_per_user streams", "[frontend][hub][security]") {
  HubOptions options;
  options.max_streams_per_user = 2;
  EventHub hub(options);
  auto a1 = hub.open("alice", std::nullopt);
  auto a2 = hub.open("alice", std::nullopt);
  bool at_limit = false;
  CHECK_FALSE(hub.open("alice", std::nullopt, &at_limit));
  CHECK(at_limit);
  auto b = hub.open("bob", std::nullopt, &at_limit);
  CHECK(b);
  CHECK_FALSE(at_limit);
  a1.reset();
  CHECK(hub.open("alice", std::nullopt));
}
