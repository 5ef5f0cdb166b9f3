#include "connection_table.hpp"

#include <catch2/catch.hpp>

using namespace todo::frontend;

TEST_CASE(
    "connections are admitted up to the per-address cap, then the oldest waiting one "
    "gives way",
    "[frontend][gate]") {
  ConnectionTable table({3, 100});
  const auto a = table.admit("10.0.0.1");
  const auto b = table.admit("10.0.0.1");
  const auto c = table.admit("10.0.0.1");
  REQUIRE((a.id && b.id && c.id));
  CHECK_FALSE(a.evict);
  CHECK(table.count("10.0.0.1") == 3);

  const auto d = table.admit("10.0.0.1");
  REQUIRE(d.id);
  REQUIRE(d.evict);
  CHECK(*d.evict == *a.id);  // the oldest
  CHECK(table.count("10.0.0.1") == 3);

  // Another address is not affected by the first one's cap.
  const auto other = table.admit("10.0.0.2");
  REQUIRE(other.id);
  CHECK_FALSE(other.evict);
}

TEST_CASE("a connection busy with a request is never evicted", "[frontend][gate]") {
  ConnectionTable table({2, 100});
  const auto a = table.admit("10.0.0.1");
  const auto b = table.admit("10.0.0.1");
  table.set_waiting(*a.id, false);  // its head arrived

  const auto c = table.admit("10.0.0.1");
  REQUIRE(c.id);
  REQUIRE(c.evict);
  CHECK(*c.evict == *b.id);  // not a, though a is older

  table.set_waiting(*c.id, false);
  const auto d = table.admit("10.0.0.1");  // a and c busy: nothing can give way
  CHECK_FALSE(d.id);
  CHECK_FALSE(d.evict);
  CHECK(table.count("10.0.0.1") == 2);

  // Back to waiting (keep-alive between requests): evictable again.
  table.set_waiting(*a.id, true);
  const auto e = table.admit("10.0.0.1");
  REQUIRE(e.id);
  CHECK(*e.evict == *a.id);
}

TEST_CASE("at the global cap the oldest waiting connection of anyone gives way",
          "[frontend][gate]") {
  ConnectionTable table({10, 3});
  const auto a = table.admit("10.0.0.1");
  const auto b = table.admit("10.0.0.2");
  const auto c = table.admit("10.0.0.3");
  table.set_waiting(*a.id, false);
  const auto d = table.admit("10.0.0.4");
  REQUIRE(d.id);
  REQUIRE(d.evict);
  CHECK(*d.evict == *b.id);
  CHECK(table.size() == 3);
  CHECK(table.count("10.0.0.2") == 0);

  table.set_waiting(*c.id, false);
  table.set_waiting(*d.id, false);
  const auto e = table.admit("10.0.0.5");
  CHECK_FALSE(e.id);
  CHECK(table.size() == 3);
}

TEST_CASE("released connections free their slots and are forgotten", "[frontend][gate]") {
  ConnectionTable table({2, 2});
  const auto a = table.admit("10.0.0.1");
  const auto b = table.admit("10.0.0.1");
  table.release(*a.id);
  table.release(*a.id);  // twice is harmless
  CHECK(table.count("10.0.0.1") == 1);
  const auto c = table.admit("10.0.0.1");
  REQUIRE(c.id);
  CHECK_FALSE(c.evict);
  table.release(*b.id);
  table.release(*c.id);
  CHECK(table.size() == 0);
  CHECK(table.count("10.0.0.1") == 0);
  table.set_waiting(*b.id, false);  // unknown ids change nothing
  CHECK(table.size() == 0);
}
