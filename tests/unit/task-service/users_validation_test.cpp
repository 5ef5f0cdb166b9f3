#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "../tasks/validation_helpers.hpp"
#include "http/problem.hpp"
#include "users/profile_validation.hpp"

using namespace todo::tasksvc;
using nlohmann::json;

namespace {

// field -> message of every error in the 422 `action` throws; empty if it does not throw.
template <class Action>
std::map<std::string, std::string> errors_of(Action&& action) {
  return todo::tasks::testing::field_errors_of(std::forward<Action>(action));
}

json signup(json changes) {
  json body = {{"email", "Ada@Example.org"},
               {"password", "correct horse"},
               {"name", "Ada Lovelace"},
               {"time_zone", "Europe/London"}};
  for (auto& item : changes.items()) {
    if (item.value().is_string() && item.value() == "<remove>") {
      body.erase(item.key());
    } else {
      body[item.key()] = item.value();
    }
  }
  return body;
}

std::map<std::string, std::string> signup_errors(const json& changes) {
  return errors_of([&] { validate_signup(signup(changes)); });
}

}  // namespace

TEST_CASE("a valid signup is normalized", "[task-service][users][validation]") {
  const auto input = validate_signup(signup({{"email", "  Ada@Example.org "}, {"name", " Ada "}}));
  CHECK(input.email == "Ada@Example.org");
  CHECK(input.password == "correct horse");
  CHECK(input.name == "Ada");
  CHECK(input.time_zone == "Europe/London");
}

TEST_CASE("signup defaults: name from the email, time zone UTC",
          "[task-service][users][validation]") {
  const auto input = validate_signup(signup({{"name", "<remove>"}, {"time_zone", "<remove>"}}));
  CHECK(input.name == "Ada");
  CHECK(input.time_zone == "UTC");
  const auto nulls = validate_signup(signup({{"name", nullptr}, {"time_zone", nullptr}}));
  CHECK(nulls.name == "Ada");
  CHECK(nulls.time_zone == "UTC");
}

TEST_CASE("signup email errors", "[task-service][users][validation]") {
  CHECK(signup_errors({{"email", "<remove>"}}).at("email") == "email is required");
  CHECK(signup_errors({{"email", "   "}}).at("email") == "email is required");
  CHECK(signup_errors({{"email", 42}}).at("email") == "email must be a string");
  const std::string invalid = "email must be an email address such as name@example.com";
  for (const char* email : {"ada", "@example.org", "ada@", "ada@example", "ada@@example.org",
                            "a@b@example.org", "ada lovelace@example.org", "ada@.example.org",
                            "ada@example.org.", "ada@example..org", "ada@exa\tmple.org"}) {
    INFO(email);
    CHECK(signup_errors({{"email", email}}).at("email") == invalid);
  }
  CHECK(signup_errors({{"email", std::string(65, 'a') + "@example.org"}}).at("email") == invalid);
  CHECK(signup_errors({{"email", "a@" + std::string(250, 'b') + ".org"}}).at("email") ==
        "email must be at most 254 characters");
  CHECK(signup_errors({{"email", "ad\xff@example.org"}}).at("email") ==
        "email must be valid UTF-8");
  CHECK(signup_errors({{"email", "ädä@exämple.org"}}).empty());
}

TEST_CASE("signup password errors", "[task-service][users][validation]") {
  CHECK(signup_errors({{"password", "<remove>"}}).at("password") == "password is required");
  CHECK(signup_errors({{"password", 12345678}}).at("password") == "password must be a string");
  CHECK(signup_errors({{"password", "short"}}).at("password") ==
        "password must be at least 8 characters");
  CHECK(signup_errors({{"password", std::string(129, 'x')}}).at("password") ==
        "password must be at most 128 characters");
  std::string longest;
  for (int i = 0; longest.size() < 128; ++i) longest += "Kq7#zP" + std::to_string(i);
  longest.resize(128);
  CHECK(signup_errors({{"password", longest}}).empty());
  CHECK(signup_errors({{"password", "äöüßéàçñ"}}).empty());  // 8 characters, 16 bytes
  CHECK_THAT(signup_errors({{"password", "password"}}).at("password"),
             Catch::Contains("too easy to guess"));
  CHECK(signup_errors({{"password", "ääää"}}).at("password") ==
        "password must be at least 8 characters");
  // Passwords are taken as typed: spaces count and are kept.
  CHECK(validate_signup(signup({{"password", "  spaced out words  "}})).password ==
        "  spaced out words  ");
}

TEST_CASE("signup name errors", "[task-service][users][validation]") {
  CHECK(signup_errors({{"name", ""}}).at("name") == "name must not be empty");
  CHECK(signup_errors({{"name", "   "}}).at("name") == "name must not be empty");
  CHECK(signup_errors({{"name", true}}).at("name") == "name must be a string");
  CHECK(signup_errors({{"name", "Ada\nLovelace"}}).at("name") ==
        "name must not contain control characters (such as line breaks)");
  CHECK(signup_errors({{"name", std::string(101, 'n')}}).at("name") ==
        "name must be at most 100 characters (it has 101)");
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "ü";
  CHECK(signup_errors({{"name", hundred}}).empty());
}

TEST_CASE("signup time zone errors", "[task-service][users][validation]") {
  CHECK(signup_errors({{"time_zone", "Mars/Olympus"}}).at("time_zone") ==
        "time_zone must be an IANA time zone name such as Europe/London or UTC");
  CHECK(signup_errors({{"time_zone", "europe/london"}}).count("time_zone") == 1);
  CHECK(signup_errors({{"time_zone", 1}}).at("time_zone") ==
        "time_zone must be a string such as Europe/London or UTC");
}

TEST_CASE("signup collects every error and rejects unknown fields",
          "[task-service][users][validation]") {
  const auto errors = signup_errors(
      {{"email", "nope"}, {"password", 1}, {"name", ""}, {"time_zone", "X"}, {"role", "admin"}});
  CHECK(errors.size() == 5);
  CHECK(errors.at("role") == "role is not a known field");
  CHECK(errors_of([] { validate_signup(json::array()); }).at("") ==
        "the body must be a JSON object");
}

TEST_CASE("login needs two non-empty strings", "[task-service][users][validation]") {
  const auto input = validate_login({{"email", " Ada@Example.org "}, {"password", "pw"}});
  CHECK(input.email == "Ada@Example.org");
  CHECK(input.password == "pw");
  auto errors = errors_of([] { validate_login(json::object()); });
  CHECK(errors.at("email") == "email is required");
  CHECK(errors.at("password") == "password is required");
  errors = errors_of([] { validate_login({{"email", 1}, {"password", ""}, {"x", 1}}); });
  CHECK(errors.at("email") == "email must be a string");
  CHECK(errors.at("password") == "password is required");
  CHECK(errors.at("x") == "x is not a known field");
}

TEST_CASE("refresh and logout bodies need a refresh_token string",
          "[task-service][users][validation]") {
  CHECK(validate_refresh_request({{"refresh_token", "abc"}}) == "abc");
  CHECK(errors_of([] { validate_refresh_request(json::object()); }).at("refresh_token") ==
        "refresh_token is required");
  CHECK(errors_of([] {
          validate_refresh_request({{"refresh_token", 5}});
        }).at("refresh_token") == "refresh_token must be a string");
}

TEST_CASE("a profile patch keeps only what was sent, normalized",
          "[task-service][users][validation]") {
  CHECK(validate_profile_patch(json::object()) == json::object());
  json channels;
  channels["email"] = {{"address", " grace@example.org "}};
  channels["push"] = {{"enabled", true}, {"topic", "grace-phone_1"}};
  const auto patch = validate_profile_patch(
      {{"name", "  Grace "}, {"time_zone", "America/New_York"}, {"channels", channels}});
  channels["email"]["address"] = "grace@example.org";
  CHECK(patch ==
        json({{"name", "Grace"}, {"time_zone", "America/New_York"}, {"channels", channels}}));
  CHECK(validate_profile_patch({{"channels", {{"email", {{"address", nullptr}}}}}}) ==
        json({{"channels", {{"email", {{"address", nullptr}}}}}}));
}

TEST_CASE("profile patch errors", "[task-service][users][validation]") {
  auto errors = errors_of([] {
    validate_profile_patch({{"name", nullptr},
                            {"time_zone", nullptr},
                            {"channels", nullptr},
                            {"email", "x@example.org"},
                            {"password", "newpassword"},
                            {"colour", "red"}});
  });
  CHECK(errors.at("name") == "name cannot be cleared; leave it out to keep it");
  CHECK(errors.at("time_zone") == "time_zone cannot be cleared; leave it out to keep it");
  CHECK(errors.at("channels") == "channels cannot be cleared; leave it out to keep it");
  CHECK(errors.at("email") == "email is read-only");
  CHECK(errors.at("password") == "password is read-only");
  CHECK(errors.at("colour") == "colour is not a known field");

  errors = errors_of([] {
    validate_profile_patch({{"name", "x\x7fy"}, {"time_zone", "Nowhere"}});
  });
  CHECK(errors.count("name") == 1);
  CHECK(errors.count("time_zone") == 1);
}

TEST_CASE("profile patch channel errors", "[task-service][users][validation]") {
  const auto channel_errors = [](const json& channels) {
    return errors_of([&] { validate_profile_patch({{"channels", channels}}); });
  };
  CHECK(channel_errors(json::array()).at("channels") ==
        "channels must be an object with any of email, push, in_app, fcm");
  CHECK(channel_errors({{"sms", {{"enabled", true}}}}).at("channels.sms") ==
        "channels.sms is not a known channel (email, push, in_app, fcm)");
  CHECK(channel_errors({{"email", true}}).at("channels.email") ==
        "channels.email must be an object");
  CHECK(channel_errors({{"email", {{"enabled", "yes"}}}}).at("channels.email.enabled") ==
        "channels.email.enabled must be true or false");
  CHECK(channel_errors({{"email", {{"address", "not-an-email"}}}}).at("channels.email.address") ==
        "channels.email.address must be an email address such as name@example.com");
  CHECK(channel_errors({{"email", {{"address", 7}}}}).at("channels.email.address") ==
        "channels.email.address must be a string");
  CHECK(channel_errors({{"email", {{"cc", "x@example.org"}}}}).at("channels.email.cc") ==
        "channels.email.cc is not a known field (enabled, address)");
  CHECK(channel_errors({{"push", {{"enabled", 1}}}}).at("channels.push.enabled") ==
        "channels.push.enabled must be true or false");
  const std::string topic_message =
      "channels.push.topic must be 1 to 64 letters, digits, '-' or '_'";
  for (const json& topic : {json(""), json("has space"), json("slash/topic"), json("ü"),
                            json(std::string(65, 't')), json(12)}) {
    INFO(topic.dump());
    CHECK(channel_errors({{"push", {{"topic", topic}}}}).at("channels.push.topic") ==
          topic_message);
  }
  CHECK(channel_errors({{"push", {{"topic", std::string(64, 't')}}}}).empty());
  CHECK(channel_errors({{"push", {{"enabled", true}, {"topic", nullptr}}}})
            .at("channels.push.topic") == "channels.push.topic is required when push is enabled");
  CHECK(channel_errors({{"in_app", {{"enabled", nullptr}}}}).at("channels.in_app.enabled") ==
        "channels.in_app.enabled must be true or false");
  CHECK(channel_errors({{"in_app", {{"badge", true}}}}).at("channels.in_app.badge") ==
        "channels.in_app.badge is not a known field (enabled)");
}
