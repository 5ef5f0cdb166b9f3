#include "dapr/subscriber.hpp"

#include <catch2/catch.hpp>

using todo::dapr::CloudEvent;
using todo::dapr::Outcome;
using todo::dapr::Subscriber;

namespace {
const char* kEvent = R"({"id":"1","data":{"n":1}})";
}

TEST_CASE("handler outcomes map to Dapr answers", "[subscriber]") {
  std::string reason;
  CHECK(Subscriber::dispatch(
            kEvent, [](const CloudEvent&) { return Outcome::kSuccess; }, reason) ==
        Outcome::kSuccess);
  CHECK(std::string(todo::dapr::to_string(Outcome::kDrop)) == "DROP");
}

TEST_CASE("a poison event is dropped, never retried", "[subscriber]") {
  std::string reason;
  auto out = Subscriber::dispatch(
      kEvent, [](const CloudEvent&) -> Outcome { throw todo::dapr::PoisonEvent("bad"); }, reason);
  CHECK(out == Outcome::kDrop);
  CHECK(reason == "bad");
}

TEST_CASE("a payload of the wrong shape is dropped", "[subscriber]") {
  std::string reason;
  auto out = Subscriber::dispatch(
      kEvent,
      [](const CloudEvent& ev) {
        (void)ev.data.at("missing").get<std::string>();
        return Outcome::kSuccess;
      },
      reason);
  CHECK(out == Outcome::kDrop);
}

TEST_CASE("a transient failure is retried", "[subscriber]") {
  std::string reason;
  auto out = Subscriber::dispatch(
      kEvent, [](const CloudEvent&) -> Outcome { throw std::runtime_error("db down"); }, reason);
  CHECK(out == Outcome::kRetry);
  CHECK(reason == "db down");
}

TEST_CASE("an envelope that is not a CloudEvent is dropped", "[subscriber]") {
  std::string reason;
  bool called = false;
  auto out = Subscriber::dispatch(
      "{{{",
      [&](const CloudEvent&) {
        called = true;
        return Outcome::kSuccess;
      },
      reason);
  CHECK(out == Outcome::kDrop);
  CHECK_FALSE(called);
}
