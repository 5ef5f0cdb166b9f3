#pragma once
// Interned strings with reference counts: the schedule stores user ids, zones and reminder ids as
// 4-byte handles, since a million firings share a few thousand users, a few hundred zones and a
// handful of reminder ids ("r1", "r2", ...). Not thread-safe: the schedule's lock guards it.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace todo::reminder_scheduler {

class StringPool {
 public:
  using Handle = std::uint32_t;

  // The handle of `text`, counting one more user of it.
  Handle acquire(std::string_view text);
  // One user fewer; the string is freed with its last user.
  void release(Handle handle);
  const std::string& at(Handle handle) const { return items_[handle].text; }
  // Distinct strings held.
  std::size_t size() const { return ids_.size(); }

 private:
  struct Item {
    std::string text;
    std::uint32_t users = 0;
  };
  std::deque<Item> items_;  // a deque never moves its elements, so the views below stay valid
  std::vector<Handle> free_;
  std::unordered_map<std::string_view, Handle> ids_;
};

}  // namespace todo::reminder_scheduler
