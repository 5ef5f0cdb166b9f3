#include "schedule/schedule.hpp"

#include <algorithm>
#include <tuple>

namespace todo::reminder_scheduler {

bool Schedule::Pending::operator<(const Pending& other) const {
  // Pointers of different nodes are ordered with std::less (plain < on them is unspecified).
  if (fire_at != other.fire_at) return fire_at < other.fire_at;
  if (task != other.task) return std::less<>()(task, other.task);
  return reminder < other.reminder;
}

ReplaceResult Schedule::replace(const TaskSummary& task,
                                const std::vector<PlannedFiring>& firings) {
  ReplaceResult result;
  std::function<void()> notify;
  {
    std::lock_guard<std::mutex> lock(mu_);
    TaskKey key(task.task_id);
    auto it = tasks_.find(key);
    if (firings.empty()) {
      if (it != tasks_.end()) {
        result.cancelled = it->second.slots.size();
        forget(it);
      }
      return result;
    }
    const auto earliest_before = earliest_locked();
    const bool fresh = it == tasks_.end();
    if (fresh) it = tasks_.emplace(std::move(key), Entry{}).first;
    store_summary(it->second, task, fresh);
    result = merge_firings(*it, firings);
    const auto earliest_after = earliest_locked();
    if (earliest_after && (!earliest_before || *earliest_after < *earliest_before)) {
      notify = on_earlier_;
    }
  }
  if (notify) notify();
  return result;
}

ReplaceResult Schedule::merge_firings(TaskNode& node, const std::vector<PlannedFiring>& wanted) {
  ReplaceResult result;
  const CompactArray<Slot>& old_slots = node.second.slots;
  std::vector<bool> kept(old_slots.size(), false);
  std::vector<Slot> next;
  std::vector<const std::string*> next_ids;  // to skip a reminder id listed twice
  for (const PlannedFiring& firing : wanted) {
    const bool listed_twice = std::any_of(next_ids.begin(), next_ids.end(), [&](const auto* id) {
      return *id == firing.reminder_id;
    });
    if (listed_twice) continue;
    next_ids.push_back(&firing.reminder_id);
    std::size_t i = 0;
    for (const Slot& slot : old_slots) {
      if (!kept[i] && slot.fire_at == firing.fire_at &&
          reminder_ids_.at(slot.reminder) == firing.reminder_id) {
        break;
      }
      ++i;
    }
    if (i < old_slots.size()) {  // the same firing: keep it, pending or in flight
      kept[i] = true;
      next.push_back(*(old_slots.begin() + i));
      continue;
    }
    const auto handle = reminder_ids_.acquire(firing.reminder_id);
    next.push_back(Slot{firing.fire_at, handle, false});
    pending_.insert(Pending{firing.fire_at, &node, handle});
    ++firings_;
    ++result.added;
  }
  std::size_t i = 0;
  for (const Slot& slot : old_slots) {
    if (kept[i++]) continue;
    if (!slot.in_flight) pending_.erase(Pending{slot.fire_at, &node, slot.reminder});
    reminder_ids_.release(slot.reminder);
    --firings_;
    ++result.cancelled;
  }
  node.second.slots = CompactArray<Slot>(next);
  return result;
}

std::vector<DueFiring> Schedule::take_due(time::Instant now, std::size_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<DueFiring> due;
  while (!pending_.empty() && due.size() < limit && pending_.begin()->fire_at <= now) {
    const Pending next = *pending_.begin();
    pending_.erase(pending_.begin());
    for (Slot& slot : next.task->second.slots) {
      if (slot.reminder == next.reminder && slot.fire_at == next.fire_at) slot.in_flight = true;
    }
    due.push_back(DueFiring{summary_of(*next.task),
                            PlannedFiring{reminder_ids_.at(next.reminder), next.fire_at}});
  }
  return due;
}

void Schedule::settle(const DueFiring& firing) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = tasks_.find(TaskKey(firing.task.task_id));
  if (it == tasks_.end()) return;
  std::vector<Slot> rest;
  for (const Slot& slot : it->second.slots) {
    const bool settled = slot.fire_at == firing.firing.fire_at &&
                         reminder_ids_.at(slot.reminder) == firing.firing.reminder_id;
    if (!settled) {
      rest.push_back(slot);
      continue;
    }
    if (!slot.in_flight) pending_.erase(Pending{slot.fire_at, &*it, slot.reminder});
    reminder_ids_.release(slot.reminder);
    --firings_;
  }
  it->second.slots = CompactArray<Slot>(rest);
  if (rest.empty()) forget(it);
}

bool Schedule::refresh_in_flight(DueFiring& firing) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = tasks_.find(TaskKey(firing.task.task_id));
  if (it == tasks_.end()) return false;
  for (const Slot& slot : it->second.slots) {
    if (slot.in_flight && slot.fire_at == firing.firing.fire_at &&
        reminder_ids_.at(slot.reminder) == firing.firing.reminder_id) {
      firing.task = summary_of(*it);
      return true;
    }
  }
  return false;
}

std::optional<time::Instant> Schedule::next_fire_at() const {
  std::lock_guard<std::mutex> lock(mu_);
  return earliest_locked();
}

std::size_t Schedule::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return firings_;
}

std::size_t Schedule::task_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return tasks_.size();
}

bool Schedule::has_task(const std::string& task_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return tasks_.count(TaskKey(task_id)) > 0;
}

std::vector<PlannedFiring> Schedule::firings_of(const std::string& task_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<PlannedFiring> firings;
  const auto it = tasks_.find(TaskKey(task_id));
  if (it == tasks_.end()) return firings;
  for (const Slot& slot : it->second.slots) {
    firings.push_back({reminder_ids_.at(slot.reminder), slot.fire_at});
  }
  std::sort(firings.begin(), firings.end(), [](const auto& a, const auto& b) {
    return std::tie(a.fire_at, a.reminder_id) < std::tie(b.fire_at, b.reminder_id);
  });
  return firings;
}

void Schedule::on_earlier(std::function<void()> callback) {
  std::lock_guard<std::mutex> lock(mu_);
  on_earlier_ = std::move(callback);
}

TaskSummary Schedule::summary_of(const TaskNode& node) const {
  const Entry& entry = node.second;
  TaskSummary summary;
  summary.task_id = node.first.str();
  summary.user_id = users_.at(entry.user);
  summary.title = std::string(entry.text.title());
  summary.description_excerpt = std::string(entry.text.excerpt());
  summary.priority = static_cast<tasks::Priority>(entry.priority);
  summary.due = entry.due.get();
  summary.time_zone = zones_.at(entry.zone);
  return summary;
}

void Schedule::store_summary(Entry& entry, const TaskSummary& task, bool fresh) {
  // Acquire before releasing, so an unchanged user or zone is not freed and interned again.
  const auto user = users_.acquire(task.user_id);
  const auto zone = zones_.acquire(task.time_zone);
  if (!fresh) {
    users_.release(entry.user);
    zones_.release(entry.zone);
  }
  entry.user = user;
  entry.zone = zone;
  entry.priority = static_cast<std::uint32_t>(task.priority);
  entry.text = PackedText(task.title, task.description_excerpt);
  entry.due = CompactDue(task.due);
}

void Schedule::forget(Tasks::iterator it) {
  for (const Slot& slot : it->second.slots) {
    if (!slot.in_flight) pending_.erase(Pending{slot.fire_at, &*it, slot.reminder});
    reminder_ids_.release(slot.reminder);
    --firings_;
  }
  users_.release(it->second.user);
  zones_.release(it->second.zone);
  tasks_.erase(it);
}

std::optional<time::Instant> Schedule::earliest_locked() const {
  if (pending_.empty()) return std::nullopt;
  return pending_.begin()->fire_at;
}

}  // namespace todo::reminder_scheduler
