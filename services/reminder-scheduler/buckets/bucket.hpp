#pragma once
// One bucket of the durable schedule, as stored under "reminders-<slice>-<bucket>":
//
// {"tasks": {"<task id>": {"version": 7, "deleted": true (only when deleted),
//                          "user_id", "title", "description" (excerpt), "priority",
//                          "due": "2026-12-01T09:00:00" | "2026-12-01" | null, "time_zone",
//                          "reminders": [{"firing_id", "reminder_id", "fire_at": <epoch s>}],
//                          "idle_since": <epoch s of the last change, when it left no pending
//                          firing>}},
//  "fired":   {"<firing id>": <epoch s it was published>},
//  "skipped": {"<firing id>": <epoch s it was skipped by the missed policy>}}
//
// "reminders" lists the task's pending firings (fired ones leave it). A task without pending
// firings stays as a tombstone for kRetention, so a late redelivery of an older event cannot
// bring back what a newer one cancelled; "fired" and "skipped" are kept as long, so a
// redelivered event cannot schedule a firing again.
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "firing/firing.hpp"

namespace todo::reminder_scheduler {

inline constexpr std::chrono::hours kRetention{24 * 7};

struct StoredTask {
  std::int64_t version = 0;
  bool deleted = false;
  TaskSummary summary;
  std::vector<PlannedFiring> pending;
  std::optional<time::Instant> idle_since;
};

struct Bucket {
  std::map<std::string, StoredTask> tasks;  // by task id
  std::map<std::string, time::Instant> fired;
  std::map<std::string, time::Instant> skipped;

  // Published or skipped: either way, done for good.
  bool settled(const std::string& firing_id) const;
};

nlohmann::json to_json(const Bucket& bucket);
// Reads a stored bucket. Tolerant: a malformed task or firing record is left out (and reported
// in `problems`, for a log line) rather than failing the whole bucket.
Bucket bucket_from_json(const nlohmann::json& json, std::vector<std::string>* problems = nullptr);

// Drops fired and skipped records, and tombstones, older than `retention` at `now`.
void prune(Bucket& bucket, time::Instant now, std::chrono::seconds retention = kRetention);

}  // namespace todo::reminder_scheduler
