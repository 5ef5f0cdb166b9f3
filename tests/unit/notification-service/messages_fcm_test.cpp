#include <jwt.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "messages/fcm_message.hpp"
#include "sample_notice.hpp"
#include "test_service_account.hpp"

using namespace todo::notify;
using nlohmann::json;
using todo::notify::testing::at;
using namespace todo::testing;

namespace {

ReminderNotice notice(const std::string& priority) {
  return testing::rent_notice(priority, "2026-12-01T14:00:00Z", "2026-12-01T13:45:00Z",
                              "America/New_York", "https://todo.example");
}

std::string base64url_decode(const std::string& text) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto value = kAlphabet.find(c);
    if (value == std::string::npos) throw std::invalid_argument("not base64url");
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

bool jwt_verifies(const std::string& token, const char* public_pem) {
  jwt_t* decoded = nullptr;
  const int rc =
      jwt_decode(&decoded, token.c_str(), reinterpret_cast<const unsigned char*>(public_pem),
                 static_cast<int>(std::string(public_pem).size()));
  const bool ok = rc == 0 && decoded != nullptr && jwt_get_alg(decoded) == JWT_ALG_RS256;
  jwt_free(decoded);
  return ok;
}

}  // namespace

TEST_CASE("the FCM v1 send request has exactly the expected shape", "[notify][fcm]") {
  const HttpRequestSpec request =
      render_fcm(notice("urgent"), FcmTarget{"todo-demo", "device-token-1"}, "ya29.token");
  CHECK(request.method == "POST");
  CHECK(request.url == "https://fcm.googleapis.com/v1/projects/todo-demo/messages:send");
  CHECK(request.headers ==
        std::map<std::string, std::string>{{"Authorization", "Bearer ya29.token"},
                                           {"Content-Type", "application/json; UTF-8"}});
  const json expected = {
      {"message",
       {{"token", "device-token-1"},
        {"notification",
         {{"title", "Pay rent"},
          {"body", "Due Tue 1 Dec, 09:00 (America/New_York)\nTransfer to the landlord"}}},
        {"data",
         {{"type", "reminder"},
          {"task_id", "t1"},
          {"notification_id", "fire-1"},
          {"click_link", "https://todo.example/tasks/t1"},
          {"notification_link", "https://todo.example/notifications/fire-1"},
          {"priority", "urgent"},
          {"due_at", "2026-12-01T14:00:00Z"},
          {"missed_count", "0"}}},
        {"android", {{"priority", "high"}, {"notification", {{"tag", "fire-1"}}}}},
        {"apns", {{"headers", {{"apns-priority", "10"}}}}},
        {"webpush", {{"fcm_options", {{"link", "https://todo.example/tasks/t1"}}}}}}}};
  CHECK(json::parse(request.body) == expected);
}

TEST_CASE("FCM data values are all strings and priorities map to android and apns",
          "[notify][fcm]") {
  for (const char* priority : {"low", "medium", "high", "urgent"}) {
    ReminderNotice n = notice(priority);
    n.due_at.reset();
    const json body = json::parse(render_fcm(n, FcmTarget{"p", "d"}, "tok").body);
    for (const auto& item : body["message"]["data"].items()) {
      INFO(item.key());
      CHECK(item.value().is_string());
    }
    const bool high = std::string(priority) == "high" || std::string(priority) == "urgent";
    CHECK(body["message"]["android"]["priority"] == (high ? "high" : "normal"));
    CHECK(body["message"]["apns"]["headers"]["apns-priority"] == (high ? "10" : "5"));
    CHECK(body["message"]["data"]["due_at"] == "");
    CHECK(body["message"]["notification"]["body"] == "No due date\nTransfer to the landlord");
  }
}

TEST_CASE("FCM leaves out a webpush link that is not https", "[notify][fcm]") {
  ReminderNotice n = notice("low");
  n.task_link = "http://127.0.0.1:8080/tasks/t1";
  const json body = json::parse(render_fcm(n, FcmTarget{"p", "d"}, "tok").body);
  CHECK_FALSE(body["message"].contains("webpush"));
  CHECK(body["message"]["data"]["click_link"] == "http://127.0.0.1:8080/tasks/t1");
}

TEST_CASE("an FCM digest counts the missed reminders", "[notify][fcm]") {
  ReminderNotice n = notice("low");
  n.missed = {
      {"t0", "Water plants", "high", at("2026-12-01T13:00:00Z"), at("2026-12-01T12:45:00Z")},
      {"t1", "Pay rent", "low", std::nullopt, at("2026-12-01T13:45:00Z")}};
  const json body = json::parse(render_fcm(n, FcmTarget{"p", "d"}, "tok").body);
  CHECK(body["message"]["notification"]["title"] == "2 missed reminders");
  CHECK(body["message"]["notification"]["body"] == "Water plants (due Tue 1 Dec, 08:00)\nPay rent");
  CHECK(body["message"]["data"]["missed_count"] == "2");
  CHECK(body["message"]["android"]["priority"] == "high");
}

TEST_CASE("a Google service-account file parses", "[notify][fcm][oauth]") {
  const auto account = parse_service_account(
      service_account_json("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n"));
  REQUIRE(account);
  CHECK(account->client_email == "notifier@todo-demo.iam.gserviceaccount.com");
  CHECK(account->token_uri == "https://oauth2.googleapis.com/token");
  CHECK(account->project_id == "todo-demo");
  CHECK(account->private_key_pem.find("-----BEGIN PRIVATE KEY-----\n") == 0);

  CHECK_FALSE(parse_service_account("not json"));
  CHECK_FALSE(parse_service_account("[]"));
  CHECK_FALSE(parse_service_account(R"({"type":"authorized_user","client_email":"a",
      "private_key":"-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----"})"));
  CHECK_FALSE(parse_service_account(R"({"type":"service_account","client_email":"a"})"));
  CHECK_FALSE(parse_service_account(
      R"({"type":"service_account","client_email":"a","private_key":"secret"})"));
  const auto defaulted = parse_service_account(
      R"({"client_email":"a","private_key":"-----BEGIN RSA PRIVATE KEY-----\nx"})");
  REQUIRE(defaulted);
  CHECK(defaulted->token_uri == "https://oauth2.googleapis.com/token");
}

TEST_CASE("the OAuth assertion is an RS256 JWT that the public key verifies",
          "[notify][fcm][oauth]") {
  const auto account = parse_service_account(service_account_json(kTestPrivateKey));
  REQUIRE(account);
  const auto now = at("2026-11-28T12:00:00Z");
  const std::string assertion = fcm_oauth_assertion(*account, now);

  const auto first_dot = assertion.find('.');
  const auto second_dot = assertion.find('.', first_dot + 1);
  REQUIRE(first_dot != std::string::npos);
  REQUIRE(second_dot != std::string::npos);
  CHECK(assertion.find('.', second_dot + 1) == std::string::npos);
  const json header = json::parse(base64url_decode(assertion.substr(0, first_dot)));
  const json claims =
      json::parse(base64url_decode(assertion.substr(first_dot + 1, second_dot - first_dot - 1)));
  CHECK(header["alg"] == "RS256");
  CHECK(header["typ"] == "JWT");
  const long iat = static_cast<long>(now.time_since_epoch().count());
  CHECK(iat == 1795867200);
  CHECK(claims == json{{"iss", "notifier@todo-demo.iam.gserviceaccount.com"},
                       {"scope", "https://www.googleapis.com/auth/firebase.messaging"},
                       {"aud", "https://oauth2.googleapis.com/token"},
                       {"iat", iat},
                       {"exp", iat + 3600}});
  // A 2048-bit RSA signature is 256 bytes.
  CHECK(base64url_decode(assertion.substr(second_dot + 1)).size() == 256);

  // The public key verifies the signature (libjwt: OpenSSL RS256 verification); another key
  // does not, and neither does a token whose claims were changed.
  CHECK(jwt_verifies(assertion, kTestPublicKey));
  CHECK_FALSE(jwt_verifies(assertion, kOtherPublicKey));
  std::string tampered = assertion;
  tampered[first_dot + 2] = tampered[first_dot + 2] == 'A' ? 'B' : 'A';
  CHECK_FALSE(jwt_verifies(tampered, kTestPublicKey));
}

TEST_CASE("an unusable private key is an error, not an unsigned token", "[notify][fcm][oauth]") {
  ServiceAccount account{"a@b",
                         "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n",
                         "https://oauth2.googleapis.com/token", ""};
  CHECK_THROWS_AS(fcm_oauth_assertion(account, at("2026-11-28T12:00:00Z")), std::invalid_argument);
  account.private_key_pem.clear();
  CHECK_THROWS_AS(fcm_oauth_assertion(account, at("2026-11-28T12:00:00Z")), std::invalid_argument);
}

TEST_CASE("the token request is the JWT bearer grant, as JSON", "[notify][fcm][oauth]") {
  const ServiceAccount account{"a@b", "pem", "https://oauth2.googleapis.com/token", "p"};
  const HttpRequestSpec request = oauth_token_request(account, "aaa.bbb.c-_c");
  CHECK(request.method == "POST");
  CHECK(request.url == "https://oauth2.googleapis.com/token");
  CHECK(request.headers.at("Content-Type") == "application/json");
  CHECK(json::parse(request.body) ==
        json{{"grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"},
             {"assertion", "aaa.bbb.c-_c"}});
}
