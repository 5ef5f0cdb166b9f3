#include "http/problem.hpp"

#include <catch2/catch.hpp>

using todo::http::ProblemError;

namespace {
httplib::Request json_request(const std::string& body,
                              const std::string& type = "application/json") {
  httplib::Request req;
  req.body = body;
  req.set_header("Content-Type", type);
  return req;
}
}  // namespace

TEST_CASE("a JSON object body parses", "[problem]") {
  auto j = todo::http::parse_json_object(json_request(R"({"a":1})"));
  CHECK(j["a"] == 1);
}

TEST_CASE("malformed JSON is a 400 problem", "[problem]") {
  try {
    todo::http::parse_json_object(json_request("{nope"));
    FAIL("expected a problem");
  } catch (const ProblemError& p) {
    CHECK(p.status() == 400);
  }
}

TEST_CASE("a JSON array where an object is expected is a 400", "[problem]") {
  CHECK_THROWS_AS(todo::http::parse_json_object(json_request("[1]")), ProblemError);
}

TEST_CASE("a non-JSON content type is a 415", "[problem]") {
  try {
    todo::http::parse_json_object(json_request("a=b", "application/x-www-form-urlencoded"));
    FAIL("expected a problem");
  } catch (const ProblemError& p) {
    CHECK(p.status() == 415);
  }
}

TEST_CASE("send_problem writes RFC 9457 fields", "[problem]") {
  httplib::Response res;
  todo::http::send_problem(res, 422, "Invalid field", "title is required",
                           {{"errors", {{"title", "required"}}}});
  CHECK(res.status == 422);
  CHECK(res.get_header_value("Content-Type") == "application/problem+json");
  auto j = nlohmann::json::parse(res.body);
  CHECK(j["status"] == 422);
  CHECK(j["title"] == "Invalid field");
  CHECK(j["errors"]["title"] == "required");
}
