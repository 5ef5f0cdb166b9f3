#pragma once
// A task's title and description excerpt in one heap block behind one pointer (8 bytes, where
// two std::string take 64 before their own heap blocks): the schedule keeps one per task.
#include <memory>
#include <string_view>

namespace todo::reminder_scheduler {

class PackedText {
 public:
  PackedText() = default;
  PackedText(std::string_view title, std::string_view excerpt);

  std::string_view title() const;
  std::string_view excerpt() const;

 private:
  // [uint32 title size][uint32 excerpt size][title][excerpt]; null when both are empty.
  std::unique_ptr<char[]> block_;
};

}  // namespace todo::reminder_scheduler
