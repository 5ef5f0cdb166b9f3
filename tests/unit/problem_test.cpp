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

TEST_CASE("every domain error has one problem", "[problem][errors]") {
  using namespace todo::errors;
  const auto validation =
      todo::http::problem_for(ValidationFailed({{"title", "title is required"}, {"due", "bad"}}));
  CHECK(validation.status() == 422);
  CHECK(validation.title() == "Validation failed");
  CHECK(validation.detail() == "title is required");
  CHECK(validation.extra()["errors"] ==
        nlohmann::json::parse(R"([{"field":"title","message":"title is required"},
                                   {"field":"due","message":"bad"}])"));

  const auto query =
      todo::http::problem_for(InvalidQuery({FieldError{"sort", "sort must be due"}}));
  CHECK(query.status() == 400);
  CHECK(query.title() == "Invalid query parameter");
  CHECK(query.extra()["errors"][0]["field"] == "sort");

  CHECK(todo::http::problem_for(NotFound("no task with this id")).status() == 404);
  CHECK(todo::http::problem_for(NotFound("no task with this id")).detail() ==
        "no task with this id");

  const auto stale = todo::http::problem_for(Conflict("changed", 7));
  CHECK(stale.status() == 409);
  CHECK(stale.extra()["current_version"] == 7);
  CHECK(todo::http::problem_for(Conflict("completed")).extra().is_null());

  const auto limit = todo::http::problem_for(Forbidden("Task limit reached", "at most 5"));
  CHECK(limit.status() == 403);
  CHECK(limit.title() == "Task limit reached");
  CHECK(limit.detail() == "at most 5");

  CHECK(todo::http::problem_for(MalformedMessage("not an object")).status() == 400);
}
