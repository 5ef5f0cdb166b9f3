// Sign-up's check for common and guessable passwords (libs/auth/password_strength.hpp).
#include <catch2/catch.hpp>

#include "auth/password_strength.hpp"

using todo::auth::password_dictionary_installed;
using todo::auth::weak_password_reason;

TEST_CASE("common and systematic passwords are weak", "[auth][password][security]") {
  REQUIRE(password_dictionary_installed());
  for (const char* password : {"password", "12345678", "aaaaaaaa", "qwertyuiop", "Password1",
                               "letmein123", "iloveyou", "sunshine"}) {
    INFO(password);
    CHECK(weak_password_reason(password, "ada@example.com"));
  }
}

TEST_CASE("passphrases and random strings pass", "[auth][password]") {
  for (const char* password : {"correct horse 1", "a good passphrase", "Xk9#mP2v!q"}) {
    INFO(password);
    CHECK_FALSE(weak_password_reason(password, "ada@example.com"));
  }
}

TEST_CASE("a password built from the account's email is weak", "[auth][password][security]") {
  CHECK(weak_password_reason("lovelace-1815", "Lovelace@example.com"));
  CHECK_FALSE(weak_password_reason("correct horse 1", "ab@example.com"));  // too short to count
}
