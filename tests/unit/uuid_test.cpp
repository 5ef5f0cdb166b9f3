#include "ids/uuid.hpp"

#include <catch2/catch.hpp>
#include <set>

TEST_CASE("new UUIDs are version 4, canonical and distinct", "[ids]") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = todo::ids::new_uuid();
    REQUIRE(todo::ids::is_uuid(id));
    CHECK(id[14] == '4');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("is_uuid rejects what is not a UUID", "[ids]") {
  CHECK(todo::ids::is_uuid("123e4567-E89B-12d3-a456-426614174000"));
  CHECK_FALSE(todo::ids::is_uuid(""));
  CHECK_FALSE(todo::ids::is_uuid("123e4567e89b12d3a456426614174000"));
  CHECK_FALSE(todo::ids::is_uuid("123e4567-e89b-12d3-a456-42661417400g"));
  CHECK_FALSE(todo::ids::is_uuid("' OR 1=1 --------------------------"));
}
