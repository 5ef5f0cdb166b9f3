#include "connection_table.hpp"

namespace todo::frontend {

ConnectionTable::Admission ConnectionTable::admit(const std::string& address) {
  Admission admission;
  const auto it = addresses_.find(address);
  if (it != addresses_.end() && it->second.open >= caps_.per_address) {
    if (it->second.waiting.empty()) return admission;  // every one busy: refuse
    admission.evict = *it->second.waiting.begin();
  } else if (connections_.size() >= caps_.total) {
    if (waiting_.empty()) return admission;
    admission.evict = *waiting_.begin();
  }
  if (admission.evict) release(*admission.evict);
  const Id id = next_id_++;
  connections_.emplace(id, Entry{address, true});
  auto& per = addresses_[address];
  ++per.open;
  per.waiting.insert(id);
  waiting_.insert(id);
  admission.id = id;
  return admission;
}

void ConnectionTable::set_waiting(Id id, bool waiting) {
  const auto it = connections_.find(id);
  if (it == connections_.end() || it->second.waiting == waiting) return;
  it->second.waiting = waiting;
  auto& per = addresses_[it->second.address];
  if (waiting) {
    per.waiting.insert(id);
    waiting_.insert(id);
  } else {
    per.waiting.erase(id);
    waiting_.erase(id);
  }
}

void ConnectionTable::release(Id id) {
  const auto it = connections_.find(id);
  if (it == connections_.end()) return;
  const auto per = addresses_.find(it->second.address);
  if (per != addresses_.end()) {
    per->second.waiting.erase(id);
    if (--per->second.open == 0) addresses_.erase(per);
  }
  waiting_.erase(id);
  connections_.erase(it);
}

std::size_t ConnectionTable::count(const std::string& address) const {
  const auto it = addresses_.find(address);
  return it == addresses_.end() ? 0 : it->second.open;
}

}  // namespace todo::frontend
