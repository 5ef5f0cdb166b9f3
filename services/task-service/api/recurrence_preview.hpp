#pragma once
// POST /api/v1/recurrence/preview: the next occurrences of a rule, for the UI's recurrence editor
// and for anyone checking what a rule means before saving it.
//
// Request: {"rrule": "FREQ=..." | "preset": {...}, "dtstart": "2026-03-01T09:00:00" | "2026-03-01",
//           "tz": "America/New_York" | null (floating) | absent (the caller's zone),
//           "count": 1-100 (default 10)}
// Answer:  {"rrule": normalized, "summary": "every ...", "dtstart", "tz",
//           "occurrences": ["2026-03-01T09:00:00", ...]}  (dates for a date-only dtstart)
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "time/local_due.hpp"

namespace todo::tasksvc {

constexpr int kPreviewDefaultCount = 10;
constexpr int kPreviewMaxCount = 100;

struct PreviewRequest {
  std::string rrule;  // normalized and valid
  time::LocalDue dtstart;
  std::optional<std::string> zone;  // nullopt: floating local time
  int count = kPreviewDefaultCount;
};

// Throws errors::ValidationFailed listing every problem, each naming its field.
PreviewRequest parse_preview_request(const nlohmann::json& body, const std::string& caller_zone);

nlohmann::json preview(const PreviewRequest& request);

}  // namespace todo::tasksvc
