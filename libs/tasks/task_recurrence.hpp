#pragma once
// How a task repeats: an RFC 5545 RRULE and what the next occurrence is counted from.
#include <optional>
#include <string>

namespace todo::tasks {

enum class RecurrenceMode {
  due,         // the next occurrence follows the current due date
  completion,  // the rule is re-anchored at the moment the task is completed
};

struct Recurrence {
  std::string rrule;  // validated, normalized (no "RRULE:" prefix, upper case)
  RecurrenceMode mode = RecurrenceMode::due;
};

bool operator==(const Recurrence& a, const Recurrence& b);
bool operator!=(const Recurrence& a, const Recurrence& b);

// "due" | "completion"; nullopt for anything else.
std::optional<RecurrenceMode> parse_recurrence_mode(const std::string& text);
std::string to_string(RecurrenceMode mode);

}  // namespace todo::tasks
