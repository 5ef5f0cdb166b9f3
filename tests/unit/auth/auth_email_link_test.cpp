// Signed email-verification links (libs/auth/email_link.hpp).
#include <catch2/catch.hpp>

#include "auth/base64url.hpp"
#include "auth/email_link.hpp"

using namespace todo::auth;

namespace {

const std::string kSecret(40, 'k');
const auto kNow = std::chrono::system_clock::time_point(std::chrono::hours(500000));
constexpr const char* kUser = "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b10";

}  // namespace

TEST_CASE("a link names its account and address until it expires", "[auth][email][security]") {
  const EmailLinkSigner signer(kSecret);
  const auto token = signer.sign(kUser, "Ann@Example.COM", kNow + std::chrono::hours(1));
  const auto claims = signer.verify(token, kNow);
  REQUIRE(claims);
  CHECK(claims->user_id == kUser);
  CHECK(claims->address == "ann@example.com");
  CHECK_FALSE(signer.verify(token, kNow + std::chrono::hours(1)));  // expired
}

TEST_CASE("a link that was altered or signed with another key is refused",
          "[auth][email][security]") {
  const EmailLinkSigner signer(kSecret);
  const auto token = signer.sign(kUser, "ann@example.com", kNow + std::chrono::hours(1));
  CHECK_FALSE(EmailLinkSigner(std::string(40, 'x')).verify(token, kNow));
  // Another address under the original MAC.
  const auto dot = token.find('.');
  const std::string forged_payload =
      R"({"e":"mallory@example.com","u":")" + std::string(kUser) + R"(","x":9999999999})";
  CHECK_FALSE(signer.verify(base64url_encode(forged_payload) + token.substr(dot), kNow));
  std::string flipped = token;
  flipped[dot - 2] = flipped[dot - 2] == 'A' ? 'B' : 'A';
  CHECK_FALSE(signer.verify(flipped, kNow));
  CHECK_FALSE(signer.verify("", kNow));
  CHECK_FALSE(signer.verify("no-dot", kNow));
  CHECK_FALSE(signer.verify(".", kNow));
  CHECK_FALSE(signer.verify(std::string(2000, 'a') + "." + std::string(43, 'a'), kNow));
}

TEST_CASE("a short secret is refused", "[auth][email]") {
  CHECK_THROWS_AS(EmailLinkSigner("short"), std::invalid_argument);
}
