#pragma once
// A task id as a 16-byte map key. task-service's ids are lower-case canonical UUIDs, kept as
// their 128 bits (a std::string key would take 32 bytes plus a 48-byte heap block per task);
// any other id is kept as a heap copy, so the schedule still works with whatever it is given.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace todo::reminder_scheduler {

class TaskKey {
 public:
  explicit TaskKey(std::string_view task_id);
  TaskKey(const TaskKey& other);
  TaskKey(TaskKey&& other) noexcept;
  TaskKey& operator=(const TaskKey& other);
  TaskKey& operator=(TaskKey&& other) noexcept;
  ~TaskKey();

  std::string str() const;
  std::size_t hash() const noexcept;
  bool operator==(const TaskKey& other) const noexcept;
  bool operator!=(const TaskKey& other) const noexcept { return !(*this == other); }

 private:
  // Packed UUID: high_ and low_ hold its bits, and low_ != kHeapMark (a UUID whose low half
  // happens to equal the mark is stored on the heap, so every id has exactly one form).
  // Other ids: high_ holds a pointer to a NUL-terminated heap copy, low_ == kHeapMark.
  static constexpr std::uint64_t kHeapMark = 0x9e3779b97f4a7c15ull;
  bool on_heap() const noexcept { return low_ == kHeapMark; }
  const char* heap_text() const noexcept;
  void copy_from(const TaskKey& other);
  void free_heap() noexcept;

  std::uint64_t high_ = 0;
  std::uint64_t low_ = 0;
};

struct TaskKeyHash {
  std::size_t operator()(const TaskKey& key) const noexcept { return key.hash(); }
};

}  // namespace todo::reminder_scheduler
