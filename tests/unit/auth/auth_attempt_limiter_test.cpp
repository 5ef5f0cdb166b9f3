// Attempt counting in fixed windows over a shared store (libs/auth/attempt_limiter.hpp).
#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "auth/attempt_limiter.hpp"
#include "http/dependency_error.hpp"

using namespace todo::auth;

namespace {

// A store with ETags, like the Dapr state store; `steal_next` makes the next save lose a race.
struct MemoryStore : AttemptStore {
  std::map<std::string, Stored> items;
  int version = 0;
  int steal_next = 0;
  std::optional<Stored> load(const std::string& key) override {
    const auto it = items.find(key);
    if (it == items.end()) return std::nullopt;
    return it->second;
  }
  bool save(const std::string& key, const nlohmann::json& value,
            const std::optional<std::string>& etag, std::chrono::seconds) override {
    if (steal_next > 0) {
      --steal_next;
      items[key] = {{{"start", value["start"]}, {"count", 5}}, std::to_string(++version)};
      return false;
    }
    const auto it = items.find(key);
    if (etag ? (it == items.end() || it->second.etag != *etag) : it != items.end()) return false;
    items[key] = {value, std::to_string(++version)};
    return true;
  }
};

constexpr AttemptRule kRule{"test", 3, std::chrono::minutes(1)};

}  // namespace

TEST_CASE("attempts over the limit wait until the window ends", "[auth][throttle][security]") {
  MemoryStore store;
  auto now = std::chrono::system_clock::time_point(std::chrono::hours(500000));
  AttemptLimiter limiter(store, [&now] { return now; });
  for (int i = 0; i < 3; ++i) CHECK_FALSE(limiter.take(kRule, "1.2.3.4"));
  now += std::chrono::seconds(20);
  const auto wait = limiter.take(kRule, "1.2.3.4");
  REQUIRE(wait);
  CHECK(wait->count() == 40);
  CHECK_FALSE(limiter.take(kRule, "5.6.7.8"));  // another subject has its own counter
  now += std::chrono::seconds(40);
  CHECK_FALSE(limiter.take(kRule, "1.2.3.4"));  // a new window
}

TEST_CASE("a counter that changed under a writer is read again, not overwritten",
          "[auth][throttle]") {
  MemoryStore store;
  auto now = std::chrono::system_clock::time_point(std::chrono::hours(500000));
  AttemptLimiter limiter(store, [&now] { return now; });
  store.steal_next = 1;             // another replica counts first
  CHECK(limiter.take(kRule, "x"));  // 5 (the other replica's) + 1 is over the limit of 3
  REQUIRE(store.items.size() == 1);
  CHECK(store.items.begin()->second.value["count"] == 5);            // read again, not overwritten
  CHECK(store.items.begin()->first.find("x") == std::string::npos);  // subjects are hashed
}

TEST_CASE("a counter store that is away throttles nobody", "[auth][throttle]") {
  struct AwayStore : AttemptStore {
    std::optional<Stored> load(const std::string&) override {
      throw todo::http::DependencyError("the sidecar is away", true);
    }
    bool save(const std::string&, const nlohmann::json&, const std::optional<std::string>&,
              std::chrono::seconds) override {
      throw todo::http::DependencyError("the sidecar is away", true);
    }
  } store;
  AttemptLimiter limiter(store);
  CHECK_FALSE(limiter.take(kRule, "x"));
  CHECK_NOTHROW(limiter.give_back(kRule, "x"));
}

TEST_CASE("attempts taken concurrently are admitted at most `limit` times",
          "[auth][throttle][security]") {
  // A store shared by threads, every call under one lock, as the Dapr state store serialises
  // writers of one key by ETag.
  struct SharedStore : MemoryStore {
    std::mutex mu;
    std::optional<Stored> load(const std::string& key) override {
      const std::lock_guard lock(mu);
      return MemoryStore::load(key);
    }
    bool save(const std::string& key, const nlohmann::json& value,
              const std::optional<std::string>& etag, std::chrono::seconds ttl) override {
      const std::lock_guard lock(mu);
      return MemoryStore::save(key, value, etag, ttl);
    }
  } store;
  AttemptLimiter limiter(store);
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  threads.reserve(40);
  for (int i = 0; i < 40; ++i) {
    threads.emplace_back([&] {
      if (!limiter.take(kRule, "guessed account")) admitted.fetch_add(1);
    });
  }
  for (auto& t : threads) t.join();
  CHECK(admitted.load() <= kRule.limit);
  CHECK(limiter.take(kRule, "guessed account"));
}

TEST_CASE("an attempt given back frees its place in the window", "[auth][throttle]") {
  MemoryStore store;
  auto now = std::chrono::system_clock::time_point(std::chrono::hours(500000));
  AttemptLimiter limiter(store, [&now] { return now; });
  for (int i = 0; i < 3; ++i) CHECK_FALSE(limiter.take(kRule, "x"));
  const auto wait = limiter.take(kRule, "x");
  REQUIRE(wait);
  CHECK(wait->count() == 60);
  limiter.give_back(kRule, "x");
  CHECK_FALSE(limiter.take(kRule, "x"));
  limiter.give_back(kRule, "never taken");  // nothing to give back: no counter appears
  CHECK(store.items.size() == 1);
}
