#include "tasks/priority.hpp"

namespace todo::tasks {

std::optional<Priority> parse_priority(const std::string& text) {
  if (text == "low") return Priority::low;
  if (text == "medium") return Priority::medium;
  if (text == "high") return Priority::high;
  if (text == "urgent") return Priority::urgent;
  return std::nullopt;
}

std::string to_string(Priority priority) {
  switch (priority) {
    case Priority::low:
      return "low";
    case Priority::medium:
      return "medium";
    case Priority::high:
      return "high";
    case Priority::urgent:
      return "urgent";
  }
  return "medium";  // unreachable with a valid enum value; keeps -Wreturn-type quiet
}

int priority_rank(Priority priority) {
  switch (priority) {
    case Priority::low:
      return 1;
    case Priority::medium:
      return 2;
    case Priority::high:
      return 3;
    case Priority::urgent:
      return 4;
  }
  return 2;
}

const char* priority_choices() {
  return "low, medium, high, urgent";
}

}  // namespace todo::tasks
