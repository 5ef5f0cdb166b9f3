#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "http/problem.hpp"
#include "test_service_account.hpp"
#include "users/channels.hpp"
#include "users/user.hpp"

using namespace todo::tasksvc;
using nlohmann::json;

TEST_CASE("new accounts get email and in-app on, push and FCM off",
          "[task-service][users][channels]") {
  CHECK(default_channels() ==
        json({{"email",
               {{"enabled", true}, {"address", nullptr}, {"verified_addresses", json::array()}}},
              {"push", {{"enabled", false}, {"topic", nullptr}}},
              {"in_app", {{"enabled", true}}},
              {"fcm",
               {{"enabled", false},
                {"device_token", nullptr},
                {"project_id", nullptr},
                {"client_email", nullptr},
                {"credentials", nullptr}}}}));
}

TEST_CASE("the effective email address is the account's unless set",
          "[task-service][users][channels]") {
  auto channels = effective_channels(default_channels(), "ada@example.org");
  CHECK(channels["email"]["address"] == "ada@example.org");
  auto stored = default_channels();
  stored["email"]["address"] = "alerts@example.org";
  CHECK(effective_channels(stored, "ada@example.org")["email"]["address"] == "alerts@example.org");
  // Rows missing members (older shapes) are completed with the defaults.
  channels = effective_channels({{"push", {{"enabled", true}, {"topic", "t"}}}}, "a@b.co");
  CHECK(channels["in_app"]["enabled"] == true);
  CHECK(channels["push"]["topic"] == "t");
  CHECK(channels["email"]["address"] == "a@b.co");
}

TEST_CASE("a channels patch merges member by member", "[task-service][users][channels]") {
  auto stored = default_channels();
  stored["push"]["topic"] = "phone";
  const auto merged = merge_channels(
      stored, {{"push", {{"enabled", true}}}, {"email", {{"address", "x@example.org"}}}});
  CHECK(merged["push"] == json({{"enabled", true}, {"topic", "phone"}}));
  CHECK(merged["email"] == json({{"enabled", true},
                                 {"address", "x@example.org"},
                                 {"verified_addresses", json::array()}}));
  CHECK(merged["in_app"] == json({{"enabled", true}}));
  CHECK_NOTHROW(check_channels(merged));
  CHECK(merge_channels(merged, {{"email", {{"address", nullptr}}}})["email"]["address"].is_null());
}

TEST_CASE("an address is verified only once its link was opened, whatever its case",
          "[task-service][users][channels][security]") {
  auto stored = default_channels();
  CHECK(effective_channels(stored, "Ada@Example.org")["email"]["verified"] == false);
  stored = with_verified_address(stored, "ada@example.ORG");
  CHECK(effective_channels(stored, "Ada@Example.org")["email"]["verified"] == true);
  // Another destination is not verified by the account's; going back needs no new link.
  auto elsewhere = merge_channels(stored, {{"email", {{"address", "boss@example.org"}}}});
  CHECK(effective_channels(elsewhere, "Ada@Example.org")["email"]["verified"] == false);
  auto back = merge_channels(elsewhere, {{"email", {{"address", nullptr}}}});
  CHECK(effective_channels(back, "Ada@Example.org")["email"]["verified"] == true);
  // A patch cannot claim a verified address.
  todo::errors::FieldErrors errors;
  CHECK_FALSE(
      read_channels_patch({{"email", {{"verified_addresses", {"x@example.org"}}}}}, errors));
  CHECK_FALSE(read_channels_patch({{"email", {{"verified", true}}}}, errors));
  // Answers say whether, never which addresses were verified.
  const auto shown = public_channels(effective_channels(stored, "Ada@Example.org"));
  CHECK(shown["email"]["verified"] == true);
  CHECK_FALSE(shown["email"].contains("verified_addresses"));
}

TEST_CASE("only the ten latest verified addresses are kept", "[task-service][users][channels]") {
  auto stored = default_channels();
  for (int i = 0; i < 12; ++i) {
    stored = with_verified_address(stored, "a" + std::to_string(i) + "@example.org");
  }
  stored = with_verified_address(stored, "a11@example.org");  // already there: no duplicate
  CHECK(stored["email"]["verified_addresses"].size() == 10);
  CHECK(stored["email"]["verified_addresses"][0] == "a2@example.org");
}

TEST_CASE("push enabled without a topic is refused after merging",
          "[task-service][users][channels]") {
  const auto merged = merge_channels(default_channels(), {{"push", {{"enabled", true}}}});
  try {
    check_channels(merged);
    FAIL("expected a 422");
  } catch (const todo::errors::DomainError& thrown) {
    const auto problem = todo::http::problem_for(thrown);
    CHECK(problem.status() == 422);
    CHECK(problem.extra()["errors"][0]["field"] == "channels.push.topic");
  }
  CHECK_NOTHROW(check_channels(default_channels()));
}

TEST_CASE("a user's JSON never carries a password hash", "[task-service][users]") {
  const User user{"8d3f7a52-6c1e-4b8a-9f0d-2e5c7b1a4d36",
                  "Ada@Example.org",
                  "Ada",
                  "Europe/London",
                  default_channels(),
                  "2026-01-02T03:04:05Z"};
  const json out = to_json(user);
  CHECK(out == json({{"id", user.id},
                     {"email", "Ada@Example.org"},
                     {"name", "Ada"},
                     {"time_zone", "Europe/London"},
                     {"channels",
                      public_channels(effective_channels(default_channels(), "Ada@Example.org"))},
                     {"created_at", "2026-01-02T03:04:05Z"}}));
  CHECK_FALSE(out.contains("password_hash"));
}

namespace {

json fcm_patch(const json& fcm) {
  todo::errors::FieldErrors errors;
  const auto patch = read_channels_patch({{"fcm", fcm}}, errors);
  if (!patch) {
    json fields = json::array();
    for (const auto& e : errors.all()) fields.push_back(e.field);
    return {{"errors", fields}};
  }
  return *patch;
}

const todo::auth::CredentialBox& box() {
  static const todo::auth::CredentialBox kBox("the channel credentials key for tests");
  return kBox;
}

}  // namespace

TEST_CASE("an FCM key file is checked, sealed, and never shown back",
          "[task-service][users][channels][fcm]") {
  const json key_file =
      json::parse(todo::testing::service_account_json(todo::testing::kTestPrivateKey));
  const json patch = fcm_patch(
      {{"enabled", true}, {"device_token", "dXk1:APA91b-token_x"}, {"service_account", key_file}});
  REQUIRE_FALSE(patch.contains("errors"));
  CHECK(patch["fcm"]["client_email"] == "notifier@todo-demo.iam.gserviceaccount.com");
  CHECK(patch["fcm"]["project_id"] == "todo-demo");  // taken from the key file

  const json sealed = seal_channel_credentials(patch, box());
  CHECK_FALSE(sealed["fcm"].contains("service_account"));
  const std::string credentials = sealed["fcm"]["credentials"].get<std::string>();
  CHECK(credentials.find("PRIVATE KEY") == std::string::npos);
  CHECK(json::parse(*box().open(credentials)) == key_file);

  const json stored = merge_channels(default_channels(), sealed);
  CHECK_NOTHROW(check_channels(stored));
  const json shown = public_channels(effective_channels(stored, "ada@example.org"));
  CHECK(shown["fcm"] == json({{"enabled", true},
                              {"device_token", "dXk1:APA91b-token_x"},
                              {"project_id", "todo-demo"},
                              {"client_email", "notifier@todo-demo.iam.gserviceaccount.com"},
                              {"credentials_set", true}}));
  CHECK(shown.dump().find(credentials) == std::string::npos);

  // A project given beside the key file wins; null forgets the credentials.
  CHECK(fcm_patch({{"service_account", key_file},
                   {"project_id", "other-project"}})["fcm"]["project_id"] == "other-project");
  const json forgotten = merge_channels(stored, fcm_patch({{"service_account", nullptr}}));
  CHECK(forgotten["fcm"]["credentials"].is_null());
  CHECK(forgotten["fcm"]["client_email"].is_null());
}

TEST_CASE("bad FCM settings get field errors", "[task-service][users][channels][fcm]") {
  json key_file = json::parse(todo::testing::service_account_json(todo::testing::kTestPrivateKey));
  CHECK(fcm_patch({{"device_token", "has space"}})["errors"] ==
        json({"channels.fcm.device_token"}));
  CHECK(fcm_patch({{"device_token", std::string(4097, 'a')}})["errors"] ==
        json({"channels.fcm.device_token"}));
  CHECK(fcm_patch({{"project_id", "Bad_Project"}})["errors"] == json({"channels.fcm.project_id"}));
  CHECK(fcm_patch({{"service_account", "a string"}})["errors"] ==
        json({"channels.fcm.service_account"}));
  CHECK(fcm_patch({{"service_account", {{"type", "service_account"}}}})["errors"] ==
        json({"channels.fcm.service_account"}));
  key_file["private_key"] = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n";
  CHECK(fcm_patch({{"service_account", key_file}})["errors"] ==
        json({"channels.fcm.service_account"}));
  CHECK(fcm_patch({{"credentials", "v1.x"}})["errors"] == json({"channels.fcm.credentials"}));
  CHECK(fcm_patch({{"enabled", "yes"}})["errors"] == json({"channels.fcm.enabled"}));

  // On without what it needs: one error per missing part.
  const json merged = merge_channels(default_channels(), {{"fcm", {{"enabled", true}}}});
  try {
    check_channels(merged);
    FAIL("expected a 422");
  } catch (const todo::errors::DomainError& thrown) {
    const auto problem = todo::http::problem_for(thrown);
    CHECK(problem.status() == 422);
    CHECK(problem.extra()["errors"].size() == 3);
  }
}
