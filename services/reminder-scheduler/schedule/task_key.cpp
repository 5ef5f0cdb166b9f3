#include "schedule/task_key.hpp"

#include <cstring>
#include <functional>
#include <optional>
#include <utility>

namespace todo::reminder_scheduler {
namespace {

constexpr const char* kHexDigits = "0123456789abcdef";

bool is_dash_position(std::size_t i) {
  return i == 8 || i == 13 || i == 18 || i == 23;
}

int lower_hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The 128 bits of a lower-case canonical UUID ("8-4-4-4-12"); nullopt for anything else,
// upper case included, because the text must come back exactly as it was given.
std::optional<std::pair<std::uint64_t, std::uint64_t>> parse_lower_uuid(std::string_view id) {
  if (id.size() != 36) return std::nullopt;
  std::uint64_t halves[2] = {0, 0};
  int nibbles = 0;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (is_dash_position(i)) {
      if (id[i] != '-') return std::nullopt;
      continue;
    }
    const int value = lower_hex_value(id[i]);
    if (value < 0) return std::nullopt;
    std::uint64_t& half = halves[nibbles / 16];
    half = (half << 4) | static_cast<std::uint64_t>(value);
    ++nibbles;
  }
  return std::make_pair(halves[0], halves[1]);
}

// splitmix64's finalizer: spreads the bits so that the low bits (used for buckets) vary.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

TaskKey::TaskKey(std::string_view task_id) {
  const auto packed = parse_lower_uuid(task_id);
  if (packed && packed->second != kHeapMark) {
    high_ = packed->first;
    low_ = packed->second;
    return;
  }
  char* text = new char[task_id.size() + 1];
  std::memcpy(text, task_id.data(), task_id.size());
  text[task_id.size()] = '\0';
  high_ = reinterpret_cast<std::uintptr_t>(text);
  low_ = kHeapMark;
}

TaskKey::TaskKey(const TaskKey& other) {
  copy_from(other);
}

TaskKey::TaskKey(TaskKey&& other) noexcept : high_(other.high_), low_(other.low_) {
  other.high_ = 0;
  other.low_ = 0;
}

TaskKey& TaskKey::operator=(const TaskKey& other) {
  if (this != &other) {
    free_heap();
    copy_from(other);
  }
  return *this;
}

TaskKey& TaskKey::operator=(TaskKey&& other) noexcept {
  if (this != &other) {
    free_heap();
    high_ = std::exchange(other.high_, 0);
    low_ = std::exchange(other.low_, 0);
  }
  return *this;
}

TaskKey::~TaskKey() {
  free_heap();
}

const char* TaskKey::heap_text() const noexcept {
  // The packed form (task_key.hpp): high_ holds the heap copy's address when low_ is the mark.
  // NOLINTNEXTLINE(performance-no-int-to-ptr)
  return reinterpret_cast<const char*>(static_cast<std::uintptr_t>(high_));
}

void TaskKey::copy_from(const TaskKey& other) {
  if (!other.on_heap()) {
    high_ = other.high_;
    low_ = other.low_;
    return;
  }
  const std::size_t size = std::strlen(other.heap_text());
  char* text = new char[size + 1];
  std::memcpy(text, other.heap_text(), size + 1);
  high_ = reinterpret_cast<std::uintptr_t>(text);
  low_ = kHeapMark;
}

void TaskKey::free_heap() noexcept {
  if (on_heap()) delete[] heap_text();
  high_ = 0;
  low_ = 0;
}

std::string TaskKey::str() const {
  if (on_heap()) return heap_text();
  std::string text;
  text.reserve(36);
  for (int nibble = 0; nibble < 32; ++nibble) {
    if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) text += '-';
    const std::uint64_t half = nibble < 16 ? high_ : low_;
    text += kHexDigits[(half >> (60 - 4 * (nibble % 16))) & 0xF];
  }
  return text;
}

std::size_t TaskKey::hash() const noexcept {
  if (on_heap()) return std::hash<std::string_view>()(heap_text());
  return static_cast<std::size_t>(mix(high_ ^ mix(low_)));
}

bool TaskKey::operator==(const TaskKey& other) const noexcept {
  if (on_heap() != other.on_heap()) return false;
  if (on_heap()) return std::strcmp(heap_text(), other.heap_text()) == 0;
  return high_ == other.high_ && low_ == other.low_;
}

}  // namespace todo::reminder_scheduler
