#include "service/attempt_store.hpp"

namespace todo::service {

std::optional<auth::AttemptStore::Stored> DaprAttemptStore::load(const std::string& key) {
  auto item = dapr_.get_state(store_, key);
  if (!item) return std::nullopt;
  return Stored{std::move(item->value), std::move(item->etag)};
}

bool DaprAttemptStore::save(const std::string& key, const nlohmann::json& value,
                            const std::optional<std::string>& etag, std::chrono::seconds ttl) {
  dapr::StateWrite write;
  write.key = key;
  write.value = value;
  write.etag = etag;
  write.first_write = !etag;  // create only if nobody else just did
  write.metadata["ttlInSeconds"] = std::to_string(ttl.count());
  try {
    dapr_.save_state(store_, {write});
    return true;
  } catch (const dapr::EtagMismatch&) {
    return false;
  } catch (const dapr::DaprError& e) {
    // PostgreSQL's first-write on a key that exists answers "no item was updated" (500).
    if (write.first_write && e.status() == 500) return false;
    throw;
  }
}

}  // namespace todo::service
