#pragma once
// The in-app inbox: one state key per user (`inbox-<user id>`) holding the newest notifications
// first, at most kInboxLimit of them. Every change is a read-modify-write guarded by the ETag,
// so two devices marking things read at once both land.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dapr/state_store.hpp"

namespace todo::notify {

inline constexpr std::size_t kInboxLimit = 500;

// An inbox item as the API shows it, minus the live channel statuses (api_routes adds them).
// {"id", "task_id", "title", "priority", "due_at", "fire_at", "created_at", "read", "dismissed",
//  "snoozed_until", "missed_count", "channels": {"email": "pending"|"skipped", ...}}
using InboxItem = nlohmann::json;

class Inbox {
 public:
  explicit Inbox(dapr::StateStore& store) : store_(store) {}

  // Adds the item unless one with its id is there. Returns false for a repeat.
  bool add(const std::string& user_id, const InboxItem& item);
  std::vector<InboxItem> list(const std::string& user_id);
  // Applies `change` to the item `id`; nullopt when the user has no such item.
  std::optional<InboxItem> update(const std::string& user_id, const std::string& id,
                                  const std::function<void(InboxItem&)>& change);

 private:
  // Runs `change` on the stored list with ETag retries; returns what `change` returned.
  template <class Change>
  auto modify(const std::string& user_id, Change change);

  dapr::StateStore& store_;
};

std::string inbox_key(const std::string& user_id);

}  // namespace todo::notify
