#pragma once
// The pending firings in memory, ordered by instant: insert, cancel and take-due in O(log n).
// It mirrors what the buckets in the state store hold (the store is the truth; the schedule is
// rebuilt from it at start-up). Thread-safe: event handlers, the firing loop and the recorder
// all use it.
//
// Built to hold a million firings in little memory (see docs/reminders.md): a task's data is
// stored once for all its firings, in a 32-byte entry with interned user, zone and reminder ids,
// and each firing costs one ordered-set node plus 16 bytes in its task's entry.
//
// A firing is either pending (in the time index) or in flight (taken by the firing loop, not yet
// settled). In-flight firings stay attached to their task, so that a task change can still cancel
// them and a redelivered event does not schedule them a second time.
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "firing/firing.hpp"
#include "schedule/compact_array.hpp"
#include "schedule/compact_due.hpp"
#include "schedule/packed_text.hpp"
#include "schedule/string_pool.hpp"
#include "schedule/task_key.hpp"

namespace todo::reminder_scheduler {

struct ReplaceResult {
  std::size_t added = 0;
  std::size_t cancelled = 0;
};

class Schedule {
 public:
  // Makes `firings` the task's firings: cancels those not listed (pending or in flight), adds the
  // new ones as pending, keeps the others as they are, and stores `task` as the task's data.
  // An empty list forgets the task. Firing identity is (reminder id, instant).
  ReplaceResult replace(const TaskSummary& task, const std::vector<PlannedFiring>& firings);

  // Takes up to `limit` pending firings whose instant is at or before `now`, earliest first, and
  // marks them in flight.
  std::vector<DueFiring> take_due(time::Instant now,
                                  std::size_t limit = std::numeric_limits<std::size_t>::max());
  // The firing was handled for good (published or skipped, and recorded): forget it, whatever
  // its state. Nothing happens when it is no longer there.
  void settle(const DueFiring& firing);
  // True while `firing` is still in flight (neither cancelled nor settled); refreshes its task
  // data, which may have changed (a retry then publishes the current title).
  bool refresh_in_flight(DueFiring& firing) const;

  // The earliest pending instant.
  std::optional<time::Instant> next_fire_at() const;
  // Pending and in-flight firings.
  std::size_t size() const;
  std::size_t task_count() const;
  bool has_task(const std::string& task_id) const;
  // The task's firings (pending and in flight), earliest first; for tests and diagnostics.
  std::vector<PlannedFiring> firings_of(const std::string& task_id) const;

  // Called, outside the lock, when a replace puts a firing before the earliest pending one, so a
  // sleeping firing loop can wake up earlier.
  void on_earlier(std::function<void()> callback);

 private:
  struct Slot {  // one firing of a task
    time::Instant fire_at;
    StringPool::Handle reminder;
    bool in_flight;
  };
  struct Entry {  // one task with firings: 32 bytes
    StringPool::Handle user;
    std::uint32_t zone : 24;  // zones are few: 24 bits leave room for the priority
    std::uint32_t priority : 8;
    PackedText text;
    CompactDue due;
    CompactArray<Slot> slots;
  };
  using Tasks = std::unordered_map<TaskKey, Entry, TaskKeyHash>;
  using TaskNode = Tasks::value_type;
  struct Pending {  // the time index's element; nodes of an unordered_map never move
    time::Instant fire_at;
    TaskNode* task;
    StringPool::Handle reminder;
    bool operator<(const Pending& other) const;
  };

  // Makes `wanted` the node's firings (see replace); the task's data is already stored.
  ReplaceResult merge_firings(TaskNode& node, const std::vector<PlannedFiring>& wanted);
  TaskSummary summary_of(const TaskNode& node) const;
  void store_summary(Entry& entry, const TaskSummary& task, bool fresh);
  void forget(Tasks::iterator it);
  std::optional<time::Instant> earliest_locked() const;

  mutable std::mutex mu_;
  Tasks tasks_;
  std::set<Pending> pending_;
  std::size_t firings_ = 0;
  StringPool users_;
  StringPool zones_;
  StringPool reminder_ids_;
  std::function<void()> on_earlier_;
};

}  // namespace todo::reminder_scheduler
