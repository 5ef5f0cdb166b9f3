#include "schedule/string_pool.hpp"

namespace todo::reminder_scheduler {

StringPool::Handle StringPool::acquire(std::string_view text) {
  const auto found = ids_.find(text);
  if (found != ids_.end()) {
    ++items_[found->second].users;
    return found->second;
  }
  Handle handle;
  if (free_.empty()) {
    handle = static_cast<Handle>(items_.size());
    items_.emplace_back();
  } else {
    handle = free_.back();
    free_.pop_back();
  }
  Item& item = items_[handle];
  item.text.assign(text);
  item.users = 1;
  ids_.emplace(item.text, handle);
  return handle;
}

void StringPool::release(Handle handle) {
  Item& item = items_[handle];
  if (--item.users > 0) return;
  ids_.erase(item.text);
  std::string().swap(item.text);  // give the memory back, not just the length
  free_.push_back(handle);
}

}  // namespace todo::reminder_scheduler
