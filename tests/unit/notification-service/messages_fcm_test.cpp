#include <jwt.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "messages/fcm_message.hpp"
#include "sample_notice.hpp"

using namespace todo::notify;
using nlohmann::json;
using todo::notify::testing::at;

namespace {

ReminderNotice notice(const std::string& priority) {
  return testing::rent_notice(priority, "2026-12-01T14:00:00Z", "2026-12-01T13:45:00Z",
                              "America/New_York", "https://todo.example");
}

// A 2048-bit RSA key pair made for this test only (openssl genpkey -algorithm RSA), in the forms
// a Google service-account file holds: PKCS#8 private key, SubjectPublicKeyInfo public key.
// It protects nothing.
const char* const kTestPrivateKey = R"(-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDa0VdFzabkWE2h
ZYpV7LajzxSc78Maq9/s+6rrT8Mj0wNQpHDV+92rg/4IDVMOMTANfMKbEtpm+j8S
ZEmB2nMX6PNSp9qa/sphixGRgzSdDZLnJ6PiFJztB56XgCCCGnC4cYfBrDhnS6h1
d1OsHBeUC+D29ihXcCJaEa/cRhOUc/gjIbFYTp72Cds09MKlw+2b6rp/qUjF1381
D+KJBLETcZbLDdCz3vmpXLmjbp3MAhGwIO5Fvl0684+OQ/JTDqrmYYIY936qE2rL
Bz7I95lgEc1ixWRNZ+vhAn7OajHvJxJj/8NMG+NIAjl+C398X+e7h/uqJILwCuZv
tyKlwaTFAgMBAAECggEADQgQmYCg4tJ7dRQ2A94AFotbn+kLhogb4uIuEKuEZJrJ
hMD2U1gXoIJQ26vneV3mjbcTY+bgiOd4YCEG26vl1NOzwgVrGHX6GYsNtcvJk1ze
ldOfh/RQUDF2+XDQ/s6STfm86wTVqxkvZCeCHSrjIJcAg9SvHF36PcD15zlpKxsM
wZIHBjTFbG35FHlBSqKUX7BQbJtgXHTbX8PgNt0N4Vivhz+uowjLO5ly0uMnOtb5
swbn0JWuWMbU/GAyEpL4XtjXhSbjzskXB2TwU7iuHsSyV7BM9C4FLoDPY6A5JlIG
ZyCtIeYCezQlsm4Vs5z1rGjsCjL45aMWuBGR40eElQKBgQD3COlIPPFGD4900W5k
qdjC2iqokvwEbzqsln4Xp48KpkyXubucazdwJKNQWvk60FKkRWfqNsLGityDxBSd
slJCqp8hrZvCUOyM/AprwjArujGbGUxy6GJxdFtAeiIFXOtAlI6YRzX4XsARGD4+
3KsK/kZRQg+Xur87qFgjEEaS8wKBgQDiwkcQWPe0x48X2PnBn5NXNatWA0DIQH6H
78EVq8nzZ0UUD5oZWDybZh1HJ2cDvwAiUMZXU47YDTeHahUyNTrvXKv8dbHb2l84
jdu4KBk66sIEesEds8wg2+U7zuVo0DSOorRACTe/73LEVYyz4uS5fi9WHV+N9snn
1VKrkoCnZwKBgQDDbopXetcJrS+5pCHogzIX3M7YtAeqXnCVry0r+4Q/UZbQhcB1
m6CtGF8XKBF5xOtMSBhQg2gN+DdCCvKgWz2WvjLMSvMphCnP02lPHL5NKa0q3ZXM
ZinTRdEXLkgR5BO88Inq0JNS3WqnW32K77plJQpuKIv7ZmL5iFHJ04txnwKBgEYV
I1+DD7O4xZnqPm7AQgp/FOA1iy0Y+cJLsFJhUL5AmZH0rHzOz5R7v+rA287FlmYE
rvhIY+qUUygv+jMVToyyCJmzSnAXkrxo45KMGhgifCpkQhFLA3jYXYXZkP+O8d9v
m+P6tVdFyyOxCRaDtos526ly1JiMwKQ9Qxqx4b9bAoGADMMyn2JFbrI0g2JsO+HY
KoHk/fJwZm7cnIc67t0ICWENzArWdMYjxuzv4DOARfvUwbAREGYj0l2M24b41wX7
IRWjqNYawLp/255VhLD1ZIze5Ugzz+5trNVsk/9C5RougeLlTTedtiK9e7DmBn1F
OiDyUTCrrf6aiBq7JnfPsMI=
-----END PRIVATE KEY-----
)";
const char* const kTestPublicKey = R"(-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2tFXRc2m5FhNoWWKVey2
o88UnO/DGqvf7Puq60/DI9MDUKRw1fvdq4P+CA1TDjEwDXzCmxLaZvo/EmRJgdpz
F+jzUqfamv7KYYsRkYM0nQ2S5yej4hSc7Qeel4AgghpwuHGHwaw4Z0uodXdTrBwX
lAvg9vYoV3AiWhGv3EYTlHP4IyGxWE6e9gnbNPTCpcPtm+q6f6lIxdd/NQ/iiQSx
E3GWyw3Qs975qVy5o26dzAIRsCDuRb5dOvOPjkPyUw6q5mGCGPd+qhNqywc+yPeZ
YBHNYsVkTWfr4QJ+zmox7ycSY//DTBvjSAI5fgt/fF/nu4f7qiSC8Armb7cipcGk
xQIDAQAB
-----END PUBLIC KEY-----
)";
// The public half of another test key pair: must not verify the assertion.
const char* const kOtherPublicKey = R"(-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyfioy7qTHs2JFwfABI1Y
0sR5J6ZlR7hohS752zwRPjJMk9qbGrs/bDW+0Pt05dIgNgHtL5j3RHiYXfTCCpjp
OyCdWurLZBa9vOIkPviWi18zWt2Y7Gj1oLrbztesARTjz7o1wX3QmTZNRl/ubbVg
/GibuaF+BZNEa0GmFKwL6Uu1Fjqo1p1zSNpc8F/RrTzoQICZEmf7GhQSavYSHRiw
q0du/Ir5bHiZYizp9PJN+IJo8tVEqnbD6oBG3HInk6LRjE4QrACPdCfeGIeW6LN6
OANxaUP92IYvfXLgHR00jBeTdSyh6osypvLWZvGVT17F+P15x60VDjkjP9Kctn6+
/wIDAQAB
-----END PUBLIC KEY-----
)";

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

std::string service_account_json(const std::string& private_pem) {
  return json{{"type", "service_account"},
              {"project_id", "todo-demo"},
              {"private_key_id", "abc123"},
              {"private_key", private_pem},
              {"client_email", "notifier@todo-demo.iam.gserviceaccount.com"},
              {"client_id", "1234567890"},
              {"auth_uri", "https://accounts.google.com/o/oauth2/auth"},
              {"token_uri", "https://oauth2.googleapis.com/token"}}
      .dump();
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
  const std::string assertion = oauth_assertion(*account, now);

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
  CHECK_THROWS_AS(oauth_assertion(account, at("2026-11-28T12:00:00Z")), std::invalid_argument);
  account.private_key_pem.clear();
  CHECK_THROWS_AS(oauth_assertion(account, at("2026-11-28T12:00:00Z")), std::invalid_argument);
}

TEST_CASE("the token request is the JWT bearer grant, form-encoded", "[notify][fcm][oauth]") {
  const ServiceAccount account{"a@b", "pem", "https://oauth2.googleapis.com/token", "p"};
  const HttpRequestSpec request = oauth_token_request(account, "aaa.bbb.c-_c");
  CHECK(request.method == "POST");
  CHECK(request.url == "https://oauth2.googleapis.com/token");
  CHECK(request.headers.at("Content-Type") == "application/x-www-form-urlencoded");
  CHECK(request.body ==
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=aaa.bbb.c-_c");
}
