// POST /api/v1/quick-add: the request checks and the answer's shape.
#include <catch2/catch.hpp>

#include "api/quick_add.hpp"
#include "http/problem.hpp"
#include "time/rfc3339.hpp"

using namespace todo::tasksvc;
using nlohmann::json;

namespace {

// The fields a 422 names, in order.
std::vector<std::string> rejected_fields(const json& body, const std::string& caller_zone = "UTC") {
  try {
    parse_quick_add_request(body, caller_zone);
  } catch (const todo::errors::DomainError& thrown) {
    const auto e = todo::http::problem_for(thrown);
    CHECK(e.status() == 422);
    std::vector<std::string> fields;
    for (const auto& item : e.extra()["errors"]) fields.push_back(item["field"]);
    return fields;
  }
  FAIL("accepted: " << body.dump());
  return {};
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("quick-add request: text and zone", "[task-service][quickadd]") {
  QuickAddRequest request = parse_quick_add_request({{"text", "Buy milk"}}, "Europe/Berlin");
  CHECK(request.text == "Buy milk");
  CHECK(request.zone == "Europe/Berlin");  // the caller's zone
  request = parse_quick_add_request({{"text", "Buy milk"}, {"time_zone", nullptr}}, "UTC");
  CHECK(request.zone == "UTC");
  request = parse_quick_add_request({{"text", "Buy\tmilk\n"}, {"time_zone", "Asia/Tokyo"}}, "UTC");
  CHECK(request.zone == "Asia/Tokyo");
  CHECK(parse_quick_add_request({{"text", std::string(500, 'x')}}, "UTC").text.size() == 500);
  // 500 characters, not bytes.
  std::string accents;
  for (int i = 0; i < 500; ++i) accents += "é";
  CHECK(parse_quick_add_request({{"text", accents}}, "UTC").text == accents);
}

TEST_CASE("quick-add request: every problem is named", "[task-service][quickadd]") {
  CHECK(rejected_fields(json::object()) == Fields{"text"});
  CHECK(rejected_fields({{"text", nullptr}}) == Fields{"text"});
  CHECK(rejected_fields({{"text", 5}}) == Fields{"text"});
  CHECK(rejected_fields({{"text", json::array({"a"})}}) == Fields{"text"});
  CHECK(rejected_fields({{"text", ""}}) == Fields{"text"});
  CHECK(rejected_fields({{"text", "   "}}) == Fields{"text"});
  CHECK(rejected_fields({{"text", std::string(501, 'x')}}) == Fields{"text"});
  CHECK(rejected_fields({{"text",
                          "a\x01"
                          "b"}}) == Fields{"text"});
  CHECK(rejected_fields({{"text", "\xff\xfe"}}) == Fields{"text"});
  CHECK(rejected_fields({{"text", "x"}, {"time_zone", "Mars/Olympus"}}) == Fields{"time_zone"});
  CHECK(rejected_fields({{"text", "x"}, {"time_zone", 1}}) == Fields{"time_zone"});
  CHECK(rejected_fields({{"text", "x"}}, "Gone/Zone") == Fields{"time_zone"});
  CHECK(rejected_fields({{"text", "x"}, {"now", "2026-01-01"}}) == Fields{"now"});
  CHECK(rejected_fields({{"time_zone", "Nope"}, {"extra", 1}}) ==
        Fields{"extra", "text", "time_zone"});
  CHECK(rejected_fields(json::array()) == Fields{""});
}

TEST_CASE("quick-add answer", "[task-service][quickadd]") {
  const auto now = todo::time::parse_rfc3339("2026-11-28T10:00:00Z");
  REQUIRE(now);
  const json answer = quick_add(
      {"Pay rent every month on the 1st at 9am p1 #bills remind 1 day before", "Europe/Berlin"},
      *now);
  CHECK(answer["task"]["title"] == "Pay rent");
  CHECK(answer["task"]["due"] == "2026-12-01T09:00:00");
  CHECK(answer["due_at"] == "2026-12-01T08:00:00Z");
  CHECK(answer["summary"] == "every month on the 1st");
  CHECK(answer["next"].size() == 3);
  CHECK(answer["parts"].size() == 5);
}
