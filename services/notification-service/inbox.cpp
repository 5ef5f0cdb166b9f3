#include "inbox.hpp"

#include <array>
#include <mutex>
#include <utility>

namespace todo::notify {
namespace {

// One user's inbox changes one at a time within this process. A user's reminders share a Kafka
// partition (the user id is the key), so they reach one replica, where a batch runs them side by
// side: without this they raced on the inbox's ETag, and every lost race is a failed write to
// the sidecar, whose circuit breaker then opened for every state call (seen at 100 reminders in
// flight). Striped by user so unrelated users rarely wait for each other.
std::mutex& inbox_lock(const std::string& user_id) {
  static std::array<std::mutex, 64> stripes;
  return stripes[std::hash<std::string>{}(user_id) % stripes.size()];
}

}  // namespace

std::string inbox_key(const std::string& user_id) {
  return "inbox-" + user_id;
}

template <class Change>
auto Inbox::modify(const std::string& user_id, Change change) {
  // Still guarded by the ETag inside the lock: other replicas, other devices.
  std::lock_guard<std::mutex> one_writer(inbox_lock(user_id));
  decltype(change(std::declval<nlohmann::json&>()).second) result{};
  update_json(store_, inbox_key(user_id), nlohmann::json::array(), [&](nlohmann::json& items) {
    auto [changed, outcome] = change(items);
    result = std::move(outcome);
    return changed;
  });
  return result;
}

bool Inbox::add(const std::string& user_id, const InboxItem& item) {
  const std::string id = item.at("id").get<std::string>();
  return modify(user_id, [&](nlohmann::json& items) {
    for (const auto& existing : items) {
      if (existing.value("id", "") == id) return std::make_pair(false, false);
    }
    items.insert(items.begin(), item);
    if (items.size() > kInboxLimit) items.erase(items.begin() + kInboxLimit, items.end());
    return std::make_pair(true, true);
  });
}

std::vector<InboxItem> Inbox::list(const std::string& user_id) {
  auto stored = store_.get(inbox_key(user_id));
  if (!stored || !stored->value.is_array()) return {};
  return stored->value.get<std::vector<InboxItem>>();
}

std::optional<InboxItem> Inbox::update(const std::string& user_id, const std::string& id,
                                       const std::function<void(InboxItem&)>& change) {
  return modify(user_id, [&](nlohmann::json& items) {
    for (auto& item : items) {
      if (item.value("id", "") != id) continue;
      const nlohmann::json before = item;
      change(item);
      return std::make_pair(item != before, std::optional<InboxItem>(item));
    }
    return std::make_pair(false, std::optional<InboxItem>());
  });
}

}  // namespace todo::notify
