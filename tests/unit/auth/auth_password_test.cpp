#include <catch2/catch.hpp>

#include "auth/password.hpp"

using namespace todo;

TEST_CASE("a password hash is argon2id and verifies only the right password",
          "[task-service][auth][password]") {
  const std::string hash = auth::hash_password("correct horse battery staple");
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(hash.find("correct horse") == std::string::npos);
  CHECK(auth::verify_password(hash, "correct horse battery staple"));
  CHECK_FALSE(auth::verify_password(hash, "correct horse battery stapl"));
  CHECK_FALSE(auth::verify_password(hash, ""));
}

TEST_CASE("hashing the same password twice gives different salts",
          "[task-service][auth][password]") {
  CHECK(auth::hash_password("same password") != auth::hash_password("same password"));
}

TEST_CASE("a malformed hash never verifies", "[task-service][auth][password]") {
  const std::string good = auth::hash_password("password123");
  CHECK_FALSE(auth::verify_password("", "password123"));
  CHECK_FALSE(auth::verify_password("password123", "password123"));
  CHECK_FALSE(auth::verify_password("$argon2id$v=19$m=65536,t=2,p=1$garbage", "password123"));
  CHECK_FALSE(auth::verify_password(good.substr(0, good.size() - 5), "password123"));
  CHECK_FALSE(auth::verify_password(good + std::string(200, 'A'), "password123"));
  std::string with_nul = good;
  with_nul[with_nul.size() - 3] = '\0';
  CHECK_FALSE(auth::verify_password(with_nul, "password123"));
}

TEST_CASE("passwords with NUL bytes and non-ASCII characters hash as given",
          "[task-service][auth][password]") {
  const std::string password = std::string("pä\0ss", 6) + "wörd";
  const std::string hash = auth::hash_password(password);
  CHECK(auth::verify_password(hash, password));
  CHECK_FALSE(auth::verify_password(hash, "pä"));
}
