#pragma once
// The in-memory fake of StateStore, with the Dapr store's concurrency rules (first write, ETags),
// for unit tests of a service's own logic.
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

#include "dapr/state_store.hpp"

namespace todo::dapr::testing {

class MemoryStateStore : public StateStore {
 public:
  std::optional<StoredValue> get(const std::string& key) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = data_.find(key);
    if (it == data_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<std::pair<std::string, StoredValue>> get_many(
      const std::vector<std::string>& keys) override {
    std::vector<std::pair<std::string, StoredValue>> out;
    for (const auto& k : keys) {
      if (auto v = get(k)) out.emplace_back(k, *v);
    }
    return out;
  }
  using StateStore::create;
  using StateStore::put;
  void create(const std::string& key, const nlohmann::json& value,
              std::chrono::seconds ttl) override {
    std::lock_guard<std::mutex> lock(mu_);
    refuse_if_asked(key);
    if (data_.count(key)) {
      ++refused_first_writes;
      throw WriteConflict(key);
    }
    data_[key] = {value, std::to_string(++etag_)};
    ttl_of[key] = ttl;
    ++writes;
  }
  void put(const std::string& key, const nlohmann::json& value, const std::string& etag,
           std::chrono::seconds ttl) override {
    std::lock_guard<std::mutex> lock(mu_);
    refuse_if_asked(key);
    auto it = data_.find(key);
    if (!etag.empty() && (it == data_.end() || it->second.etag != etag)) throw WriteConflict(key);
    data_[key] = {value, std::to_string(++etag_)};
    ttl_of[key] = ttl;
    ++writes;
  }
  std::size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return data_.size();
  }

  // First writes refused because the key existed: the real sidecar counts each as a failure
  // toward its circuit breaker.
  std::size_t refused_first_writes = 0;
  std::size_t writes = 0;     // accepted writes (create and put)
  std::string refuse_prefix;  // writes of keys that start with it fail, as with the store away
  std::map<std::string, std::chrono::seconds> ttl_of;  // each key's TTL at its last write

 private:
  void refuse_if_asked(const std::string& key) {
    if (!refuse_prefix.empty() && key.rfind(refuse_prefix, 0) == 0)
      throw std::runtime_error("state store unavailable");
  }
  std::mutex mu_;
  std::map<std::string, StoredValue> data_;
  long etag_ = 0;
};

}  // namespace todo::dapr::testing
