#include <sodium.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "auth/base64url.hpp"
#include "auth/tokens.hpp"

using namespace todo;

namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef";
const std::string kOtherKey = "fedcba9876543210fedcba9876543210";
const std::string kUser = "8d3f7a52-6c1e-4b8a-9f0d-2e5c7b1a4d36";

std::vector<std::string> segments(const std::string& token) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = token.find('.', start)) != std::string::npos; start = dot + 1) {
    parts.push_back(token.substr(start, dot - start));
  }
  parts.push_back(token.substr(start));
  return parts;
}

nlohmann::json decoded(const std::string& segment) {
  return nlohmann::json::parse(*auth::base64url_decode(segment));
}

std::string encoded(const nlohmann::json& json) {
  return auth::base64url_encode(json.dump());
}

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

nlohmann::json good_claims() {
  return {{"sub", kUser},
          {"iss", "todo-task-service"},
          {"typ", "access"},
          {"iat", now()},
          {"exp", now() + 600}};
}

// An HS256 token over any header and claims, signed with kKey by hand (libsodium's HMAC), so the
// verifier's claim checks can be reached with tokens the issuer would never make.
std::string signed_token(const nlohmann::json& claims,
                         const nlohmann::json& header = {{"alg", "HS256"}, {"typ", "JWT"}}) {
  const std::string signed_part = encoded(header) + "." + encoded(claims);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(signed_part.data()),
                         signed_part.size(), reinterpret_cast<const unsigned char*>(kKey.data()));
  return signed_part + "." +
         auth::base64url_encode(std::string(reinterpret_cast<char*>(mac), sizeof mac));
}

}  // namespace

TEST_CASE("an access token round-trips", "[task-service][auth][jwt]") {
  const auth::TokenIssuer issuer(kKey);
  CHECK(issuer.access_ttl() == std::chrono::minutes(15));
  const std::string token = issuer.issue_access(kUser);
  const auto claims = issuer.verify_access(token);
  REQUIRE(claims);
  CHECK(claims->user_id == kUser);
  CHECK(claims->expires_at >= now() + std::int64_t{15} * 60 - 5);
  CHECK(claims->expires_at <= now() + std::int64_t{15} * 60);

  const auto parts = segments(token);
  REQUIRE(parts.size() == 3);
  CHECK(decoded(parts[0])["alg"] == "HS256");
  const auto payload = decoded(parts[1]);
  CHECK(payload["sub"] == kUser);
  CHECK(payload["iss"] == "todo-task-service");
  CHECK(payload["typ"] == "access");
  CHECK(payload["exp"].get<std::int64_t>() - payload["iat"].get<std::int64_t>() == 900);
}

TEST_CASE("a short signing key or a non-UUID subject is refused", "[task-service][auth][jwt]") {
  CHECK_THROWS_AS(auth::TokenIssuer("short"), std::invalid_argument);
  CHECK_THROWS_AS(auth::TokenIssuer(kKey).issue_access("alice"), std::invalid_argument);
}

TEST_CASE("an expired access token is rejected", "[task-service][auth][jwt]") {
  CHECK_FALSE(
      auth::TokenIssuer(kKey, std::chrono::seconds(0))
          .verify_access(auth::TokenIssuer(kKey, std::chrono::seconds(0)).issue_access(kUser)));
  const auth::TokenIssuer past(kKey, std::chrono::seconds(-1));
  CHECK_FALSE(past.verify_access(past.issue_access(kUser)));
  // Issued by a short-lived issuer, checked by a normal one: expiry is in the token, not the
  // verifier.
  CHECK_FALSE(auth::TokenIssuer(kKey).verify_access(past.issue_access(kUser)));
}

TEST_CASE("a token signed with another key is rejected", "[task-service][auth][jwt]") {
  const std::string token = auth::TokenIssuer(kOtherKey).issue_access(kUser);
  CHECK_FALSE(auth::TokenIssuer(kKey).verify_access(token));
}

TEST_CASE("a tampered payload is rejected", "[task-service][auth][jwt]") {
  const auth::TokenIssuer issuer(kKey);
  const auto parts = segments(issuer.issue_access(kUser));
  auto payload = decoded(parts[1]);
  payload["sub"] = "00000000-0000-4000-8000-000000000000";
  CHECK_FALSE(issuer.verify_access(parts[0] + "." + encoded(payload) + "." + parts[2]));
  payload = decoded(parts[1]);
  payload["exp"] = now() + std::int64_t{10} * 365 * 86400;
  CHECK_FALSE(issuer.verify_access(parts[0] + "." + encoded(payload) + "." + parts[2]));
}

TEST_CASE("a tampered signature is rejected", "[task-service][auth][jwt]") {
  const auth::TokenIssuer issuer(kKey);
  const std::string token = issuer.issue_access(kUser);
  for (size_t position : {token.size() - 1, token.size() - 10, token.rfind('.') + 1}) {
    std::string changed = token;
    changed[position] = changed[position] == 'A' ? 'B' : 'A';
    CHECK_FALSE(issuer.verify_access(changed));
  }
  CHECK_FALSE(issuer.verify_access(token.substr(0, token.size() - 1)));
  CHECK_FALSE(issuer.verify_access(token + "A"));
  CHECK_FALSE(issuer.verify_access(token.substr(0, token.rfind('.') + 1)));
}

TEST_CASE("an alg none token is rejected", "[task-service][auth][jwt]") {
  const auth::TokenIssuer issuer(kKey);
  const std::string header = encoded({{"alg", "none"}, {"typ", "JWT"}});
  const std::string payload = encoded(good_claims());
  CHECK_FALSE(issuer.verify_access(header + "." + payload + "."));
  CHECK_FALSE(issuer.verify_access(header + "." + payload));
  // With a signature the real key made over the same bytes: alg none still never passes.
  const auto real = segments(issuer.issue_access(kUser));
  CHECK_FALSE(issuer.verify_access(header + "." + payload + "." + real[2]));
  CHECK_FALSE(issuer.verify_access(encoded({{"alg", "None"}}) + "." + payload + "." + real[2]));
}

TEST_CASE("another algorithm is rejected even when correctly signed with the key",
          "[task-service][auth][jwt]") {
  const auth::TokenIssuer issuer(kKey);
  const auto real = segments(issuer.issue_access(kUser));
  const std::string hs512 = encoded({{"alg", "HS512"}, {"typ", "JWT"}});
  CHECK_FALSE(issuer.verify_access(hs512 + "." + real[1] + "." + real[2]));
  const std::string missing = encoded({{"typ", "JWT"}});
  CHECK_FALSE(issuer.verify_access(missing + "." + real[1] + "." + real[2]));
}

TEST_CASE("garbage is rejected", "[task-service][auth][jwt]") {
  const auth::TokenIssuer issuer(kKey);
  for (const std::string& token :
       {std::string(), std::string("."), std::string(".."), std::string("abc"),
        std::string("a.b.c"), std::string("a.b.c.d"), std::string("Bearer x"),
        std::string("eyJhbGciOiJIUzI1NiJ9.%%%.abc"), std::string(5000, 'a'),
        std::string("\xff\xfe.\x80\x81.\xc0"), std::string("a\0b.c.d", 7)}) {
    CHECK_FALSE(issuer.verify_access(token));
  }
}

TEST_CASE("correctly signed tokens with claims other than ours are rejected",
          "[task-service][auth][jwt]") {
  const auth::TokenIssuer issuer(kKey);
  REQUIRE(issuer.verify_access(signed_token(good_claims())));  // the signer itself is right

  const auto without = [](const char* claim) {
    auto claims = good_claims();
    claims.erase(claim);
    return claims;
  };
  const auto with = [](const char* claim, const nlohmann::json& value) {
    auto claims = good_claims();
    claims[claim] = value;
    return claims;
  };
  for (const auto& claims :
       {with("iss", "someone-else"), without("iss"), with("typ", "refresh"), without("typ"),
        without("sub"), with("sub", "alice"), with("sub", 42), without("exp"),
        with("exp", std::to_string(now() + 600)), with("exp", 1.5e12), with("exp", now() - 1),
        with("exp", now()), nlohmann::json::array({good_claims()})}) {
    CHECK_FALSE(issuer.verify_access(signed_token(claims)));
  }
  CHECK_FALSE(
      issuer.verify_access(signed_token(good_claims(), {{"alg", "HS256"}, {"typ", "JWS"}})));
  CHECK(issuer.verify_access(signed_token(good_claims(), {{"alg", "HS256"}})));
}

TEST_CASE("refresh tokens are 43 random base64url characters", "[task-service][auth][refresh]") {
  const std::string a = auth::new_refresh_token();
  const std::string b = auth::new_refresh_token();
  CHECK(a.size() == 43);
  CHECK(a != b);
  CHECK(auth::looks_like_refresh_token(a));
  CHECK(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
  REQUIRE(auth::base64url_decode(a));
  CHECK(auth::base64url_decode(a)->size() == 32);
  CHECK_FALSE(auth::looks_like_refresh_token(""));
  CHECK_FALSE(auth::looks_like_refresh_token(a + "A"));
  CHECK_FALSE(auth::looks_like_refresh_token(a.substr(1) + "="));
}

TEST_CASE("refresh tokens are stored as SHA-256 hex", "[task-service][auth][refresh]") {
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  CHECK(auth::hash_refresh_token("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string token = auth::new_refresh_token();
  CHECK(auth::hash_refresh_token(token).size() == 64);
  CHECK(auth::hash_refresh_token(token) == auth::hash_refresh_token(token));
  CHECK(auth::hash_refresh_token(token) != auth::hash_refresh_token(auth::new_refresh_token()));
}

TEST_CASE("base64url decoding is strict", "[task-service][auth][base64url]") {
  CHECK(*auth::base64url_decode("") == "");
  CHECK(*auth::base64url_decode("YWJj") == "abc");
  CHECK(*auth::base64url_decode("YWI") == "ab");
  CHECK(auth::base64url_encode("ab") == "YWI");
  CHECK(auth::base64url_encode(std::string("\xfb\xff", 2)) == "-_8");
  CHECK_FALSE(auth::base64url_decode("YWI="));  // padding
  CHECK_FALSE(auth::base64url_decode("YWJ"));   // non-zero unused bits
  CHECK_FALSE(auth::base64url_decode("YW+j"));  // standard alphabet
  CHECK_FALSE(auth::base64url_decode("YW j"));  // whitespace
  CHECK_FALSE(auth::base64url_decode("Y"));     // impossible length
}
