#include "schedule/packed_text.hpp"

#include <cstdint>
#include <cstring>

namespace todo::reminder_scheduler {
namespace {

constexpr std::size_t kHeader = 2 * sizeof(std::uint32_t);

std::uint32_t read_size(const char* block, int which) {
  std::uint32_t size;
  std::memcpy(&size, block + which * sizeof(std::uint32_t), sizeof size);
  return size;
}

}  // namespace

PackedText::PackedText(std::string_view title, std::string_view excerpt) {
  if (title.empty() && excerpt.empty()) return;
  const auto title_size = static_cast<std::uint32_t>(title.size());
  const auto excerpt_size = static_cast<std::uint32_t>(excerpt.size());
  block_ = std::make_unique<char[]>(kHeader + title.size() + excerpt.size());
  std::memcpy(block_.get(), &title_size, sizeof title_size);
  std::memcpy(block_.get() + sizeof title_size, &excerpt_size, sizeof excerpt_size);
  std::memcpy(block_.get() + kHeader, title.data(), title.size());
  std::memcpy(block_.get() + kHeader + title.size(), excerpt.data(), excerpt.size());
}

std::string_view PackedText::title() const {
  if (!block_) return {};
  return {block_.get() + kHeader, read_size(block_.get(), 0)};
}

std::string_view PackedText::excerpt() const {
  if (!block_) return {};
  return {block_.get() + kHeader + read_size(block_.get(), 0), read_size(block_.get(), 1)};
}

}  // namespace todo::reminder_scheduler
