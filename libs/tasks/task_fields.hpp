#pragma once
// Internal: readers for the members of a task create or patch body. Each takes the member's JSON
// value (the caller decides what a missing member or null means), adds errors under the member's
// JSON path, and returns nullopt when the value is unusable.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tasks/field_errors.hpp"
#include "tasks/priority.hpp"
#include "tasks/reminder.hpp"
#include "tasks/task_recurrence.hpp"
#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::tasks::detail {

constexpr std::size_t kMaxTitleLength = 200;          // code points, after trimming
constexpr std::size_t kMaxDescriptionLength = 10000;  // code points
constexpr std::chrono::hours kMaxBefore{24 * 365};
// Five years ahead, counted generously: five years hold at most two leap days.
constexpr std::chrono::hours kMaxAtLead{24 * (5 * 365 + 2)};

// Adds an error for each member of `body` that a client may not write: read-only task members
// ("version is read-only") and unknown ones ("colour is not a known field").
void check_member_names(const nlohmann::json& body, FieldErrors& errors);

std::optional<std::string> read_title(const nlohmann::json& value, FieldErrors& errors);
std::optional<std::string> read_description(const nlohmann::json& value, FieldErrors& errors);
std::optional<Priority> read_priority(const nlohmann::json& value, FieldErrors& errors);
std::optional<std::vector<std::string>> read_tags(const nlohmann::json& value, FieldErrors& errors);
std::optional<time::LocalDue> read_due(const nlohmann::json& value, FieldErrors& errors);
std::optional<std::string> read_time_zone(const nlohmann::json& value, FieldErrors& errors);
// Shape only: ids, exactly one of before/at, formats, the 365-day limit on before. Rules that
// need the due or the clock are in check_reminder_rules.
std::optional<std::vector<Reminder>> read_reminders(const nlohmann::json& value,
                                                    FieldErrors& errors);
std::optional<Recurrence> read_recurrence(const nlohmann::json& value, FieldErrors& errors);

// Rules across fields, checked on the task as it would be saved: relative reminders and a
// recurrence need a due; an absolute reminder must lie in (now, now + 5 years]. Reminders with
// the same trigger as one in `unchanged` (the task's reminders before a patch) skip the time
// window: re-sending a reminder that already fired must not fail an unrelated edit.
void check_task_rules(const std::optional<time::LocalDue>& due,
                      const std::vector<Reminder>& reminders,
                      const std::optional<Recurrence>& recurrence, time::Instant now,
                      const std::vector<Reminder>& unchanged, FieldErrors& errors);

}  // namespace todo::tasks::detail
