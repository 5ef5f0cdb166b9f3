#include "dapr/subscriber.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <map>

#include "http/readiness.hpp"
#include "http/server.hpp"

using todo::dapr::CloudEvent;
using todo::dapr::Outcome;
using todo::dapr::Subscriber;

namespace {
const char* const kEvent = R"({"id":"1","data":{"n":1}})";
}

TEST_CASE("handler outcomes map to Dapr answers", "[subscriber]") {
  std::string reason;
  CHECK(Subscriber::dispatch(
            kEvent, [](const CloudEvent&) { return Outcome::success; }, reason) ==
        Outcome::success);
  CHECK(std::string(todo::dapr::to_string(Outcome::drop)) == "DROP");
}

TEST_CASE("a poison event is dropped, never retried", "[subscriber]") {
  std::string reason;
  auto out = Subscriber::dispatch(
      kEvent, [](const CloudEvent&) -> Outcome { throw todo::errors::MalformedMessage("bad"); },
      reason);
  CHECK(out == Outcome::drop);
  CHECK(reason == "bad");
}

TEST_CASE("any domain error is final: the event is dropped", "[subscriber][errors]") {
  // Invalid data, a thing that does not exist: the same event would fail the same way again.
  std::string reason;
  CHECK(Subscriber::dispatch(
            kEvent,
            [](const CloudEvent&) -> Outcome {
              throw todo::errors::ValidationFailed(
                  {todo::errors::FieldError{"title", "title is required"}});
            },
            reason) == Outcome::drop);
  CHECK(reason == "title is required");
  CHECK(Subscriber::dispatch(
            kEvent,
            [](const CloudEvent&) -> Outcome { throw todo::errors::NotFound("no such task"); },
            reason) == Outcome::drop);
}

TEST_CASE("a payload of the wrong shape is dropped", "[subscriber]") {
  std::string reason;
  auto out = Subscriber::dispatch(
      kEvent,
      [](const CloudEvent& ev) {
        (void)ev.data.at("missing").get<std::string>();
        return Outcome::success;
      },
      reason);
  CHECK(out == Outcome::drop);
}

TEST_CASE("a transient failure is retried", "[subscriber]") {
  std::string reason;
  auto out = Subscriber::dispatch(
      kEvent, [](const CloudEvent&) -> Outcome { throw std::runtime_error("db down"); }, reason);
  CHECK(out == Outcome::retry);
  CHECK(reason == "db down");
}

TEST_CASE("an envelope that is not a CloudEvent is dropped", "[subscriber]") {
  std::string reason;
  bool called = false;
  auto out = Subscriber::dispatch(
      "{{{",
      [&](const CloudEvent&) {
        called = true;
        return Outcome::success;
      },
      reason);
  CHECK(out == Outcome::drop);
  CHECK_FALSE(called);
}

TEST_CASE("a bulk delivery answers each entry's own outcome", "[subscriber]") {
  todo::metrics::Registry registry;
  todo::http::Readiness readiness;
  todo::http::ServerOptions options;
  options.service_name = "test";
  todo::http::Server server(options, registry, readiness);
  Subscriber subscriber(server, registry);
  todo::dapr::Subscription sub;
  sub.topic = "reminders";
  sub.bulk_max_messages = 10;
  sub.bulk_parallelism = 3;
  const auto body =
      nlohmann::json{{"entries",
                      {{{"entryId", "a"}, {"event", {{"id", "1"}, {"data", {{"n", 1}}}}}},
                       {{"entryId", "b"}, {"event", {{"id", "2"}, {"data", {{"n", 2}}}}}},
                       {{"entryId", "c"}, {"event", {{"id", "3"}, {"data", {{"n", 3}}}}}},
                       {{"entryId", "d"}},
                       {{"entryId", "e"}, {"event", R"({"id":"5","data":{"n":5}})"}}}}};
  std::atomic<int> calls{0};
  const auto answer = subscriber.dispatch_bulk(body.dump(), sub, [&](const CloudEvent& ev) {
    ++calls;
    const int n = ev.data.at("n").get<int>();
    if (n == 2) throw todo::errors::MalformedMessage("bad");
    if (n == 3) return Outcome::retry;
    return Outcome::success;
  });
  CHECK(calls == 4);
  std::map<std::string, std::string> status;
  for (const auto& s : answer.at("statuses")) status[s["entryId"]] = s["status"];
  CHECK(status ==
        std::map<std::string, std::string>{
            {"a", "SUCCESS"}, {"b", "DROP"}, {"c", "RETRY"}, {"d", "DROP"}, {"e", "SUCCESS"}});
  CHECK(subscriber
            .dispatch_bulk("not json", sub,
                           [](const CloudEvent&) { return Outcome::success; })["statuses"]
            .empty());
  // Found by a fuzz harness's reading (tests/fuzz): an entry that is not an object, or whose id
  // is not a string, used to throw after the handlers ran and fail the whole batch.
  const auto odd = nlohmann::json{
      {"entries", {5, {{"entryId", 7}, {"event", {{"id", "6"}, {"data", {{"n", 1}}}}}}}}};
  nlohmann::json odd_answer;
  REQUIRE_NOTHROW(odd_answer = subscriber.dispatch_bulk(
                      odd.dump(), sub, [](const CloudEvent&) { return Outcome::success; }));
  REQUIRE(odd_answer["statuses"].size() == 2);
  CHECK(odd_answer["statuses"][0] == nlohmann::json{{"entryId", ""}, {"status", "DROP"}});
  CHECK(odd_answer["statuses"][1] == nlohmann::json{{"entryId", ""}, {"status", "SUCCESS"}});
}
