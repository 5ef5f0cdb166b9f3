#pragma once
// A fixed-size array behind one pointer, its size stored in the same heap block: 8 bytes in
// its owner where std::vector takes 24. The schedule keeps one per task (a task's firings).
// For small arrays of trivially copyable values that are rebuilt rather than grown.
#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>
#include <vector>

namespace todo::reminder_scheduler {

template <class T>
class CompactArray {
  static_assert(std::is_trivially_copyable_v<T>, "CompactArray copies its values as bytes");

 public:
  CompactArray() = default;
  explicit CompactArray(const std::vector<T>& values) {
    if (values.empty()) return;
    block_ = std::make_unique<unsigned char[]>(kOffset + values.size() * sizeof(T));
    const auto size = static_cast<std::uint32_t>(values.size());
    std::memcpy(block_.get(), &size, sizeof size);
    std::memcpy(block_.get() + kOffset, values.data(), values.size() * sizeof(T));
  }

  std::size_t size() const {
    if (!block_) return 0;
    std::uint32_t size;
    std::memcpy(&size, block_.get(), sizeof size);
    return size;
  }
  bool empty() const { return !block_; }
  T* begin() { return data(); }
  T* end() { return data() + size(); }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }

 private:
  // The values start at an offset that keeps them aligned (new[] aligns the block itself).
  static constexpr std::size_t kOffset = alignof(T) > sizeof(std::uint32_t) ? alignof(T)
                                                                            : sizeof(std::uint32_t);
  T* data() const { return block_ ? reinterpret_cast<T*>(block_.get() + kOffset) : nullptr; }

  std::unique_ptr<unsigned char[]> block_;
};

}  // namespace todo::reminder_scheduler
