#include "tasks/task_recurrence.hpp"

namespace todo::tasks {

bool operator==(const Recurrence& a, const Recurrence& b) {
  return a.rrule == b.rrule && a.mode == b.mode;
}
bool operator!=(const Recurrence& a, const Recurrence& b) {
  return !(a == b);
}

std::optional<RecurrenceMode> parse_recurrence_mode(const std::string& text) {
  if (text == "due") return RecurrenceMode::due;
  if (text == "completion") return RecurrenceMode::completion;
  return std::nullopt;
}

std::string to_string(RecurrenceMode mode) {
  return mode == RecurrenceMode::completion ? "completion" : "due";
}

}  // namespace todo::tasks
