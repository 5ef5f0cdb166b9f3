// The one JSON entry point (libs/json/bounded_parse.hpp) and the places that rely on it.
#include <catch2/catch.hpp>

#include "dapr/cloud_event.hpp"
#include "dapr/subscriber.hpp"
#include "http/problem.hpp"
#include "json/bounded_parse.hpp"

using todo::json::kMaxDepth;
using todo::json::nesting_within;
using todo::json::ParseFailure;

namespace {

std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

std::string nested_objects(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += R"({"a":)";
  text += "1";
  text += std::string(static_cast<std::size_t>(depth), '}');
  return text;
}

}  // namespace

TEST_CASE("nesting is counted outside strings only", "[json][security]") {
  CHECK(nesting_within(nested_arrays(kMaxDepth)));
  CHECK_FALSE(nesting_within(nested_arrays(kMaxDepth + 1)));
  CHECK_FALSE(nesting_within(nested_objects(kMaxDepth + 1)));
  const std::string brackets_in_string = R"({"s":")" + std::string(500, '[') + R"("})";
  CHECK(nesting_within(brackets_in_string));
  // An escaped quote does not end the string, so the brackets after it are still text.
  CHECK(nesting_within(R"({"s":"\"[[[[[[[[[[[["})", 2));
  CHECK_FALSE(nesting_within(R"({"s":"\\"}[[[)", 2));
}

TEST_CASE("a deep document is refused before it is parsed, a shallow one parses",
          "[json][security]") {
  ParseFailure why = ParseFailure::none;
  const auto deep = todo::json::parse(nested_arrays(100000), &why);
  CHECK(deep.is_discarded());
  CHECK(why == ParseFailure::too_deep);
  const auto bad = todo::json::parse("{", &why);
  CHECK(bad.is_discarded());
  CHECK(why == ParseFailure::malformed);
  const auto ok = todo::json::parse(nested_objects(10), &why);
  CHECK(why == ParseFailure::none);
  CHECK(ok.is_object());
  CHECK_THROWS_AS(todo::json::parse_or_throw(nested_arrays(100000), "a column"),
                  std::invalid_argument);
}

TEST_CASE("a request body nested too deep is a 400", "[json][http][security]") {
  httplib::Request req;
  req.body = R"({"title":"x","recurrence":{"preset":)" + nested_arrays(100000) + "}}";
  try {
    todo::http::parse_json_object(req);
    FAIL("a deep body was accepted");
  } catch (const todo::http::ProblemError& e) {
    CHECK(e.status() == 400);
    CHECK_THAT(e.detail(), Catch::Contains("deeper than 64"));
  }
}

TEST_CASE("a CloudEvent nested too deep is dropped, not parsed", "[json][dapr][security]") {
  const std::string body = R"({"id":"e1","type":"t","data":)" + nested_objects(100000) + "}";
  std::string reason;
  bool called = false;
  const auto outcome = todo::dapr::Subscriber::dispatch(
      body,
      [&called](const todo::dapr::CloudEvent&) {
        called = true;
        return todo::dapr::Outcome::success;
      },
      reason);
  CHECK(outcome == todo::dapr::Outcome::drop);
  CHECK_FALSE(called);
  // The same data as a string inside the envelope is not unpacked either.
  nlohmann::json envelope = {{"id", "e2"}, {"data", nested_arrays(100000)}};
  std::string error;
  const auto ev = todo::dapr::parse_cloud_event(envelope.dump(), error);
  REQUIRE(ev);
  CHECK(ev->data.is_string());
}
