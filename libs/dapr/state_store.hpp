#pragma once
// The typed state store every service uses: JSON values with ETag compare-and-set, first-write
// creation, bulk reads and TTLs, behind an interface so a service's logic can be unit-tested
// with the in-memory fake beside it (dapr/memory_state_store.hpp); DaprStateStore is the real
// one, on the sidecar's state API.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace todo::dapr {

class Client;

struct StoredValue {
  nlohmann::json value;
  std::string etag;
};

// A first write that found the key, or a write whose ETag no longer matches.
class WriteConflict : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class StateStore {
 public:
  virtual ~StateStore() = default;
  virtual std::optional<StoredValue> get(const std::string& key) = 0;
  // Missing keys are left out of the answer.
  virtual std::vector<std::pair<std::string, StoredValue>> get_many(
      const std::vector<std::string>& keys) = 0;
  // Creates the key; throws WriteConflict when it already exists (first-write-wins).
  // A positive `ttl` makes the store delete the key that long after this write.
  virtual void create(const std::string& key, const nlohmann::json& value,
                      std::chrono::seconds ttl) = 0;
  // Replaces the value if the ETag still matches (throws WriteConflict), or unconditionally
  // when `etag` is empty. `ttl` as for create.
  virtual void put(const std::string& key, const nlohmann::json& value, const std::string& etag,
                   std::chrono::seconds ttl) = 0;

  // Keys that live until they are overwritten or deleted.
  void create(const std::string& key, const nlohmann::json& value) {
    create(key, value, std::chrono::seconds{0});
  }
  void put(const std::string& key, const nlohmann::json& value, const std::string& etag = "") {
    put(key, value, etag, std::chrono::seconds{0});
  }
};

// Read-modify-write of one JSON value guarded by its ETag: reads `key` (a missing value, or one
// of another JSON type than `empty`, starts as `empty`), lets `change` edit it, and writes it back
// if `change` returned true; a write that lost to a concurrent one is redone on what that wrote.
// Throws WriteConflict after `rounds` lost rounds.
template <class Change>
void update_json(StateStore& store, const std::string& key, const nlohmann::json& empty,
                 Change change, int rounds = 8) {
  for (int round = 0; round < rounds; ++round) {
    auto stored = store.get(key);
    nlohmann::json value = empty;
    // Moved, not copied: a value may be tens of kilobytes (a reminder bucket).
    if (stored && stored->value.type() == empty.type()) value = std::move(stored->value);
    if (!change(value)) return;
    try {
      if (stored) {
        store.put(key, value, stored->etag);
      } else {
        store.create(key, value);
      }
      return;
    } catch (const WriteConflict&) {
      continue;
    }
  }
  throw WriteConflict(key + " kept changing while being written");
}

class DaprStateStore : public StateStore {
 public:
  DaprStateStore(Client& dapr, std::string store) : dapr_(dapr), store_(std::move(store)) {}
  std::optional<StoredValue> get(const std::string& key) override;
  std::vector<std::pair<std::string, StoredValue>> get_many(
      const std::vector<std::string>& keys) override;
  using StateStore::create;
  using StateStore::put;
  void create(const std::string& key, const nlohmann::json& value,
              std::chrono::seconds ttl) override;
  void put(const std::string& key, const nlohmann::json& value, const std::string& etag,
           std::chrono::seconds ttl) override;

 private:
  Client& dapr_;
  std::string store_;
};

}  // namespace todo::dapr
