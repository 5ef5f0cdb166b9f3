#include <catch2/catch.hpp>
#include <stdexcept>

#include "auth/credential_box.hpp"

using todo::auth::CredentialBox;

TEST_CASE("a sealed credential opens with the same key and only with it") {
  const CredentialBox box("a secret of at least sixteen bytes");
  const std::string key_file = R"({"type": "service_account", "private_key": "..."})";
  const std::string sealed = box.seal(key_file);

  CHECK(sealed.rfind("v1.", 0) == 0);
  CHECK(sealed.find("service_account") == std::string::npos);
  CHECK(box.open(sealed) == key_file);
  // A fresh nonce each time: equal plaintexts do not give equal ciphertexts.
  CHECK(box.seal(key_file) != sealed);

  const CredentialBox other("another secret, also long enough");
  CHECK_FALSE(other.open(sealed).has_value());
}

TEST_CASE("an altered, truncated or foreign sealed value does not open") {
  const CredentialBox box("a secret of at least sixteen bytes");
  std::string sealed = box.seal("credentials");
  std::string flipped = sealed;
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  CHECK_FALSE(box.open(flipped).has_value());
  CHECK_FALSE(box.open(sealed.substr(0, 20)).has_value());
  CHECK_FALSE(box.open("v1.").has_value());
  CHECK_FALSE(box.open("v2." + sealed.substr(3)).has_value());
  CHECK_FALSE(box.open("").has_value());
  CHECK_FALSE(box.open("v1.not base64!").has_value());
}

TEST_CASE("the empty plaintext round-trips") {
  const CredentialBox box("a secret of at least sixteen bytes");
  CHECK(box.open(box.seal("")) == "");
}

TEST_CASE("a short key secret is refused") {
  CHECK_THROWS_AS(CredentialBox("too short"), std::invalid_argument);
}
