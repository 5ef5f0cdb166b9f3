#pragma once
// The one JSON shape of a task: API answers and the snapshot in every task event.
//
// {"id", "user_id", "title", "description", "priority": "low|medium|high|urgent",
//  "tags": [...], "status": "open|completed",
//  "due": "2026-12-01T09:00:00" | "2026-12-01" | null   (local, in time_zone)
//  "time_zone": "Europe/London", "due_at": "2026-12-01T09:00:00Z" | null,
//  "reminders": [{"id", "before": "PT15M", "fire_at"} | {"id", "at", "fire_at"}],
//  "recurrence": {"rrule", "mode": "due|completion"} | null,
//  "series_id": ... | null, "parent_id": ... | null, "occurrence_index": 0,
//  "completed_at": ... | null, "created_at", "updated_at", "version"}
//
// Instants are RFC 3339 UTC ("...Z"); "fire_at" is derived (see reminder_fire_at), written for
// convenience and ignored when read back.
#include <nlohmann/json.hpp>

#include "tasks/task.hpp"

namespace todo::tasks {

nlohmann::json to_json(const Task& task);
nlohmann::json to_json(const Reminder& reminder, const Task& task);

// Reads the shape above back, for consumers of task events. Unknown members are ignored (events
// may grow). Required: id, user_id, title, priority, status, time_zone, created_at, updated_at,
// version; the rest may be missing or null and then take their empty defaults. The rrule is
// checked to be a non-empty string but not re-validated, so a rule accepted when it was stored
// stays readable even if validation later becomes stricter.
// Throws std::invalid_argument naming the member ("task.due_at: ...") on malformed input.
Task task_from_json(const nlohmann::json& json);

// One stored reminder ({"id", "before"} or {"id", "at"}); `index` names it in errors.
// Throws std::invalid_argument like task_from_json.
Reminder reminder_from_json(const nlohmann::json& json, std::size_t index);

}  // namespace todo::tasks
