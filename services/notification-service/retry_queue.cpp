#include "retry_queue.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

// FNV-1a: the same shard for an id in every build and replica (std::hash promises neither).
std::uint32_t stable_hash(const std::string& text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string shard_key(const std::string& prefix, int shard) {
  return prefix + std::to_string(shard);
}

int shard_of(const std::string& id) {
  return static_cast<int>(stable_hash(id) % RetryQueue::kShards);
}

nlohmann::json event_json(const dapr::CloudEvent& e) {
  return {{"id", e.id}, {"type", e.type}, {"data", e.data}};
}

dapr::CloudEvent event_from(const nlohmann::json& j) {
  dapr::CloudEvent e;
  e.id = j.value("id", "");
  e.type = j.value("type", "");
  e.data = j.value("data", nlohmann::json());
  return e;
}

}  // namespace

std::string retry_shard_key(const std::string& notification_id) {
  return shard_key(kReminderRetryPrefix, shard_of(notification_id));
}

std::string RetryQueue::key_of(const std::string& id) const {
  return shard_key(prefix_, shard_of(id));
}

void RetryQueue::schedule(const std::string& notification_id, const dapr::CloudEvent& event,
                          time::Instant next_at) {
  const nlohmann::json entry = {{"event", event_json(event)},
                                {"next_at", time::format_rfc3339(next_at)}};
  update_json(
      store_, key_of(notification_id), nlohmann::json::object(), [&](nlohmann::json& entries) {
        const bool known = entries.contains(notification_id);
        if (known && entries[notification_id] == entry) return false;
        if (!known && entries.size() >= kMaxPerShard) {
          throw std::runtime_error("retry queue shard " + key_of(notification_id) + " is full");
        }
        entries[notification_id] = entry;
        return true;
      });
}

void RetryQueue::remove(const std::string& notification_id) {
  update_json(store_, key_of(notification_id), nlohmann::json::object(),
              [&](nlohmann::json& entries) { return entries.erase(notification_id) > 0; });
}

std::vector<QueuedRetry> RetryQueue::due(time::Instant now, std::size_t* queued) {
  std::vector<std::string> keys;
  keys.reserve(kShards);
  for (int shard = 0; shard < kShards; ++shard) keys.push_back(shard_key(prefix_, shard));
  std::vector<QueuedRetry> out;
  std::size_t total = 0;
  for (const auto& [key, stored] : store_.get_many(keys)) {
    if (!stored.value.is_object()) continue;
    for (const auto& [id, entry] : stored.value.items()) {
      ++total;
      if (!entry.is_object() || !entry.contains("event")) continue;
      const auto next_at = time::parse_rfc3339(entry.value("next_at", ""));
      // An unreadable time is due at once: retried (and then removed or rewritten), not stuck.
      if (next_at && *next_at > now) continue;
      out.push_back({id, event_from(entry["event"]), next_at ? *next_at : now});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const QueuedRetry& a, const QueuedRetry& b) { return a.next_at < b.next_at; });
  if (queued) *queued = total;
  return out;
}

}  // namespace todo::notify
