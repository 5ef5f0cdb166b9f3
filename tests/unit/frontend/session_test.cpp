#include "session.hpp"

#include <catch2/catch.hpp>

#include "api_proxy.hpp"
#include "web_app.hpp"

using namespace todo::frontend;

TEST_CASE("cookies are parsed from a Cookie header", "[frontend][session]") {
  const auto c = parse_cookies("a=1; todo_at=abc.def-ghi ; b=\"quoted\";empty=; =x; flag");
  CHECK(c.at("a") == "1");
  CHECK(c.at("todo_at") == "abc.def-ghi");
  CHECK(c.at("b") == "quoted");
  CHECK(c.count("flag") == 0);
  CHECK(cookie_value("x=1; todo_rt=r", kRefreshCookie) == std::optional<std::string>("r"));
  CHECK_FALSE(cookie_value("x=1; todo_rt=", kRefreshCookie));
  CHECK_FALSE(cookie_value("", kAccessCookie));
  CHECK(parse_cookies("a=1; a=2").at("a") == "1");
}

TEST_CASE("session cookies are HttpOnly, SameSite=Lax, scoped to /api/", "[frontend][session]") {
  const auto plain = set_cookie_header({kAccessCookie, "tok", 900, false});
  CHECK(plain == "todo_at=tok; Path=/api/; Max-Age=900; HttpOnly; SameSite=Lax");
  const auto secure = set_cookie_header({kRefreshCookie, "r", 60, true});
  CHECK(secure.find("; Secure") != std::string::npos);
  CHECK(clear_cookie_header(kAccessCookie, false) ==
        "todo_at=; Path=/api/; Max-Age=0; HttpOnly; SameSite=Lax");
  CHECK(came_over_tls("https"));
  CHECK(came_over_tls(" HTTPS "));
  CHECK_FALSE(came_over_tls("http"));
  CHECK_FALSE(came_over_tls(""));
}

TEST_CASE("cookie-authenticated changes need the client header", "[frontend][session]") {
  CHECK(csrf_ok("GET", false));
  CHECK(csrf_ok("HEAD", false));
  CHECK_FALSE(csrf_ok("POST", false));
  CHECK_FALSE(csrf_ok("DELETE", false));
  CHECK_FALSE(csrf_ok("PATCH", false));
  CHECK(csrf_ok("POST", true));
  CHECK(bearer_token("Bearer abc") == "abc");
  CHECK(bearer_token("bearer  abc ") == "abc");
  CHECK(bearer_token("Basic abc").empty());
}

TEST_CASE("tokens are read out of a session answer", "[frontend][session]") {
  const auto t = tokens_from_session({{"access_token", "a"},
                                      {"refresh_token", "r"},
                                      {"expires_in", 60},
                                      {"refresh_expires_in", 120},
                                      {"user", {{"id", "u"}}}});
  REQUIRE(t);
  CHECK(t->access_token == "a");
  CHECK(t->refresh_token == "r");
  CHECK(t->expires_in == 60);
  CHECK(t->refresh_expires_in == 120);
  CHECK_FALSE(tokens_from_session({{"access_token", "a"}}));
  CHECK_FALSE(tokens_from_session(nlohmann::json::array()));
}

TEST_CASE("the app's routes are served index.html", "[frontend]") {
  CHECK(is_app_route("/"));
  CHECK(is_app_route("/tasks"));
  CHECK(is_app_route("/tasks/123"));
  CHECK(is_app_route("/inbox"));
  CHECK_FALSE(is_app_route("/tasksx"));
  CHECK_FALSE(is_app_route("/api/v1/tasks"));
  CHECK_FALSE(is_app_route("/dapr/subscribe"));
  CHECK_FALSE(is_app_route("/events/task-updates"));
}
