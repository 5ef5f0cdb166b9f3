#pragma once
// How far recurrence-service has taken each series, kept in the Dapr state store so that a
// redelivered event, a second completion of the same task, or a restart between deciding and
// acknowledging never produces a second next occurrence.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace todo::recurrence_service {

struct SeriesProgress {
  // The occurrence whose completion was handled last.
  int completed_index = 0;
  // The command sent for it (the create-body of the next occurrence); null when the series
  // ended there. Sent again, unchanged, when the same completion comes back: task-service's
  // unique (series id, occurrence index) makes the repeat a no-op.
  nlohmann::json command;
  bool finished = false;
};

std::string series_key(const std::string& series_id);  // "series-<id>"

nlohmann::json to_json(const SeriesProgress& progress);
// nullopt for a stored value of another shape (treated as no progress: recomputing is safe).
std::optional<SeriesProgress> series_progress_from_json(const nlohmann::json& json);

}  // namespace todo::recurrence_service
