#include "events/task_event.hpp"

#include <catch2/catch.hpp>

#include "dapr/subscriber.hpp"

using todo::events::parse_task_event;

TEST_CASE("a task event is parsed", "[events]") {
  auto v = parse_task_event(
      {{"action", "completed"}, {"user_id", "u1"}, {"task", {{"id", "t1"}, {"title", "x"}}}});
  CHECK(v.action == "completed");
  CHECK(v.user_id == "u1");
  CHECK(v.task_id == "t1");
}

TEST_CASE("malformed task events are poison", "[events]") {
  using todo::errors::MalformedMessage;
  CHECK_THROWS_AS(parse_task_event("text"), MalformedMessage);
  CHECK_THROWS_AS(
      parse_task_event({{"action", "exploded"}, {"user_id", "u"}, {"task", {{"id", "t"}}}}),
      MalformedMessage);
  CHECK_THROWS_AS(parse_task_event({{"action", "created"}, {"task", {{"id", "t"}}}}),
                  MalformedMessage);
  CHECK_THROWS_AS(parse_task_event({{"action", "created"}, {"user_id", "u"}, {"task", 3}}),
                  MalformedMessage);
  CHECK_THROWS_AS(
      parse_task_event({{"action", "created"}, {"user_id", "u"}, {"task", {{"id", 7}}}}),
      MalformedMessage);
}
