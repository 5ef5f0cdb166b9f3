#include "dapr/state_store.hpp"

#include "dapr/client.hpp"

namespace todo::dapr {

std::optional<StoredValue> DaprStateStore::get(const std::string& key) {
  auto item = dapr_.get_state(store_, key);
  if (!item) return std::nullopt;
  return StoredValue{std::move(item->value), std::move(item->etag)};
}

std::vector<std::pair<std::string, StoredValue>> DaprStateStore::get_many(
    const std::vector<std::string>& keys) {
  std::vector<std::pair<std::string, StoredValue>> out;
  if (keys.empty()) return out;
  for (auto& item : dapr_.get_bulk_state(store_, keys)) {
    if (item.value.is_null()) continue;  // bulk get answers missing keys without data
    out.emplace_back(item.key, StoredValue{std::move(item.value), std::move(item.etag)});
  }
  return out;
}

namespace {

void set_ttl(StateWrite& write, std::chrono::seconds ttl) {
  if (ttl.count() > 0) write.metadata["ttlInSeconds"] = std::to_string(ttl.count());
}

}  // namespace

void DaprStateStore::create(const std::string& key, const nlohmann::json& value,
                            std::chrono::seconds ttl) {
  StateWrite write;
  write.key = key;
  write.value = value;
  write.first_write = true;
  set_ttl(write, ttl);
  try {
    dapr_.save_state(store_, {write});
  } catch (const DaprError& e) {
    // The PostgreSQL store answers a first write onto an existing key with a 500 saying
    // "no item was updated" (its upsert's WHERE matched nothing), not with a 409.
    if (e.status() == 409 || std::string(e.what()).find("no item was updated") != std::string::npos)
      throw WriteConflict(key + " exists");
    throw;
  }
}

void DaprStateStore::put(const std::string& key, const nlohmann::json& value,
                         const std::string& etag, std::chrono::seconds ttl) {
  StateWrite write;
  write.key = key;
  write.value = value;
  set_ttl(write, ttl);
  if (!etag.empty()) write.etag = etag;
  try {
    dapr_.save_state(store_, {write});
  } catch (const EtagMismatch&) {
    throw WriteConflict(key + " changed meanwhile");
  }
}

}  // namespace todo::dapr
