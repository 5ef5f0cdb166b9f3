#include "fcm_sender.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <vector>

#include "auth/credential_box.hpp"
#include "dapr/client.hpp"
#include "sample_notice.hpp"
#include "test_service_account.hpp"

using namespace todo::notify;
using nlohmann::json;
using todo::notify::testing::at;

namespace {

struct Call {
  std::string binding, operation, data;
  std::map<std::string, std::string> metadata;
};

// The two Google endpoints as the sidecar's HTTP bindings would answer them: each call is
// recorded, and the next answer (or error) for each binding is set by the test.
struct FakeGoogle {
  std::vector<Call> calls;
  std::vector<std::string> token_answers{
      R"({"access_token":"tok-1","expires_in":3599,"token_type":"Bearer"})",
      R"({"access_token":"tok-2","expires_in":3599,"token_type":"Bearer"})"};
  std::size_t tokens_given = 0;
  int token_status = 200, send_status = 200;

  BindingCall binding() {
    return [this](const std::string& binding, const std::string& operation, const json& data,
                  const std::map<std::string, std::string>& metadata) -> std::string {
      calls.push_back({binding, operation, data.dump(), metadata});
      const int status = binding == kFcmOAuthBinding ? token_status : send_status;
      if (status != 200) {
        throw todo::dapr::DaprError("binding " + binding +
                                        ": error invoking output binding: received status code " +
                                        std::to_string(status),
                                    500, "ERR_INVOKE_OUTPUT_BINDING", true);
      }
      if (binding == kFcmOAuthBinding) return token_answers.at(tokens_given++);
      return R"({"name":"projects/todo-demo/messages/1"})";
    };
  }
  std::size_t count(const std::string& binding) const {
    std::size_t n = 0;
    for (const auto& c : calls) n += c.binding == binding;
    return n;
  }
};

const todo::auth::CredentialBox& box() {
  static const todo::auth::CredentialBox kBox("the channel credentials key for tests");
  return kBox;
}

Profile fcm_profile() {
  Profile p;
  p.user_id = "u1";
  p.channels.fcm = true;
  p.channels.fcm_device_token = "device-abc:123";
  p.channels.fcm_project_id = "todo-demo";
  p.channels.fcm_credentials =
      box().seal(todo::testing::service_account_json(todo::testing::kTestPrivateKey));
  return p;
}

ReminderNotice notice() {
  return testing::rent_notice("urgent", "2026-12-01T14:00:00Z", "2026-12-01T13:45:00Z", "UTC");
}

}  // namespace

TEST_CASE("FCM gets a token for the user's service account, then sends with it",
          "[notify][fcm][sender]") {
  FakeGoogle google;
  auto now = at("2026-12-01T13:45:00Z");
  FcmSender sender(google.binding(), box(), [&now] { return now; });

  const SendResult result = sender.send(notice(), fcm_profile());
  CHECK(result.outcome == SendOutcome::sent);
  REQUIRE(google.calls.size() == 2);
  const Call& token = google.calls[0];
  CHECK(token.binding == "fcm-oauth");
  CHECK(token.operation == "post");
  CHECK(token.metadata.at("path") == "/token");
  CHECK(token.metadata.at("Content-Type") == "application/json");
  const json grant = json::parse(token.data);
  CHECK(grant["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer");
  CHECK(grant["assertion"].get<std::string>().rfind("ey", 0) == 0);
  const Call& send = google.calls[1];
  CHECK(send.binding == "fcm");
  CHECK(send.metadata.at("path") == "/v1/projects/todo-demo/messages:send");
  CHECK(send.metadata.at("Authorization") == "Bearer tok-1");
  const json body = json::parse(send.data);
  CHECK(body["message"]["token"] == "device-abc:123");
  CHECK(body["message"]["notification"]["title"] == "Pay rent");
  CHECK(body["message"]["android"]["priority"] == "high");
}

TEST_CASE("FCM keeps the access token until a minute before it expires", "[notify][fcm][sender]") {
  FakeGoogle google;
  auto now = at("2026-12-01T13:45:00Z");
  FcmSender sender(google.binding(), box(), [&now] { return now; });
  REQUIRE(sender.send(notice(), fcm_profile()).outcome == SendOutcome::sent);
  now += std::chrono::seconds(3599 - 61);
  REQUIRE(sender.send(notice(), fcm_profile()).outcome == SendOutcome::sent);
  CHECK(google.count("fcm-oauth") == 1);
  now += std::chrono::seconds(2);
  REQUIRE(sender.send(notice(), fcm_profile()).outcome == SendOutcome::sent);
  CHECK(google.count("fcm-oauth") == 2);
  CHECK(google.calls.back().metadata.at("Authorization") == "Bearer tok-2");
}

TEST_CASE("FCM tokens are cached per user and key file, not per claimed client_email",
          "[notify][fcm][sender][security]") {
  FakeGoogle google;
  auto now = at("2026-12-01T13:45:00Z");
  FcmSender sender(google.binding(), box(), [&now] { return now; });
  REQUIRE(sender.send(notice(), fcm_profile()).outcome == SendOutcome::sent);
  // Another tenant uploads a different key file that claims the same client_email.
  Profile other = fcm_profile();
  other.user_id = "u2";
  auto file = json::parse(todo::testing::service_account_json(todo::testing::kTestPrivateKey));
  file["private_key_id"] = "someone-else";
  other.channels.fcm_credentials = box().seal(file.dump());
  REQUIRE(sender.send(notice(), other).outcome == SendOutcome::sent);
  CHECK(google.count("fcm-oauth") == 2);
  CHECK(google.calls.back().metadata.at("Authorization") == "Bearer tok-2");
  // The first user's token is neither used by nor replaced with the other tenant's.
  REQUIRE(sender.send(notice(), fcm_profile()).outcome == SendOutcome::sent);
  CHECK(google.count("fcm-oauth") == 2);
  CHECK(google.calls.back().metadata.at("Authorization") == "Bearer tok-1");
}

TEST_CASE("FCM answering 401 drops the token: the retry fetches a new one",
          "[notify][fcm][sender]") {
  FakeGoogle google;
  auto now = at("2026-12-01T13:45:00Z");
  FcmSender sender(google.binding(), box(), [&now] { return now; });
  google.send_status = 401;
  const SendResult first = sender.send(notice(), fcm_profile());
  CHECK(first.outcome == SendOutcome::transient_failure);
  CHECK_THAT(first.error, Catch::Contains("401"));
  google.send_status = 200;
  CHECK(sender.send(notice(), fcm_profile()).outcome == SendOutcome::sent);
  CHECK(google.count("fcm-oauth") == 2);
  CHECK(google.calls.back().metadata.at("Authorization") == "Bearer tok-2");
}

TEST_CASE("FCM failures: final for a refused device or key, retried while Google is down",
          "[notify][fcm][sender]") {
  auto now = at("2026-12-01T13:45:00Z");
  const auto clock = [&now] { return now; };
  {
    FakeGoogle google;  // UNREGISTERED device token
    google.send_status = 404;
    FcmSender sender(google.binding(), box(), clock);
    CHECK(sender.send(notice(), fcm_profile()).outcome == SendOutcome::permanent_failure);
  }
  {
    FakeGoogle google;  // FCM overloaded
    google.send_status = 503;
    FcmSender sender(google.binding(), box(), clock);
    CHECK(sender.send(notice(), fcm_profile()).outcome == SendOutcome::transient_failure);
  }
  {
    FakeGoogle google;  // invalid_grant: the key was deleted in the Google console
    google.token_status = 400;
    FcmSender sender(google.binding(), box(), clock);
    const SendResult result = sender.send(notice(), fcm_profile());
    CHECK(result.outcome == SendOutcome::permanent_failure);
    CHECK_THAT(result.error, Catch::StartsWith("FCM token: "));
    CHECK(google.count("fcm") == 0);
  }
  {
    FakeGoogle google;  // the token endpoint is down
    google.token_status = 502;
    FcmSender sender(google.binding(), box(), clock);
    CHECK(sender.send(notice(), fcm_profile()).outcome == SendOutcome::transient_failure);
  }
  {
    FakeGoogle google;  // 200 without a token
    google.token_answers = {R"({"token_type":"Bearer"})"};
    FcmSender sender(google.binding(), box(), clock);
    CHECK(sender.send(notice(), fcm_profile()).outcome == SendOutcome::transient_failure);
    CHECK(google.count("fcm") == 0);
  }
}

TEST_CASE("FCM credentials sealed under another key fail at once, and nothing is sent",
          "[notify][fcm][sender]") {
  FakeGoogle google;
  const todo::auth::CredentialBox other("a different channel credentials key");
  FcmSender sender(google.binding(), other, [] { return at("2026-12-01T13:45:00Z"); });
  const SendResult result = sender.send(notice(), fcm_profile());
  CHECK(result.outcome == SendOutcome::permanent_failure);
  CHECK_THAT(result.error, Catch::Contains("service_account again"));
  CHECK(google.calls.empty());
}

TEST_CASE("FCM is unavailable until it is on and fully configured", "[notify][fcm][sender]") {
  FakeGoogle google;
  FcmSender sender(google.binding(), box(), [] { return at("2026-12-01T13:45:00Z"); });
  Profile p = fcm_profile();
  CHECK(sender.unavailable_reason(p).empty());
  p.channels.fcm_credentials.clear();
  CHECK(sender.unavailable_reason(p) == "no FCM service account is set");
  p.channels.fcm_project_id.clear();
  CHECK(sender.unavailable_reason(p) == "no FCM project is set");
  p.channels.fcm_device_token.clear();
  CHECK(sender.unavailable_reason(p) == "no FCM device token is set");
  p.channels.fcm = false;
  CHECK(sender.unavailable_reason(p) == "FCM is turned off");
}

TEST_CASE("url_path keeps what follows the host", "[notify][fcm][sender]") {
  CHECK(url_path("https://oauth2.googleapis.com/token") == "/token");
  CHECK(url_path("https://fcm.googleapis.com/v1/projects/p/messages:send") ==
        "/v1/projects/p/messages:send");
  CHECK(url_path("https://example.com") == "/");
}
