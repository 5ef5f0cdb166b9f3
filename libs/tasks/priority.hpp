#pragma once
// Task priority: four levels, written in lower case on the wire.
#include <optional>
#include <string>

namespace todo::tasks {

enum class Priority { low, medium, high, urgent };

// "low" | "medium" | "high" | "urgent" (exact, lower case); nullopt for anything else.
std::optional<Priority> parse_priority(const std::string& text);

std::string to_string(Priority priority);

// For sorting: higher is more pressing (low 1 ... urgent 4), so "priority desc" puts urgent first.
int priority_rank(Priority priority);

// The accepted spellings, for error messages: "low, medium, high, urgent".
const char* priority_choices();

}  // namespace todo::tasks
