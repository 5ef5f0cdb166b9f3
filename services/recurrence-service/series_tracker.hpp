#pragma once
// The decision recurrence-service makes for each completion of a recurring task, kept apart from
// Dapr so that unit tests can drive it with in-memory stores.
//
// Per series the state store holds which completion was handled last and what was sent for it:
// - a completion newer than the stored one computes the next occurrence, stores the decision
//   (only if nobody else stored one meanwhile: ETag), then sends the command;
// - the same completion again (redelivery, or completed, reopened, completed) sends the stored
//   command again, unchanged: task-service's unique (series id, occurrence index) makes it a
//   no-op, and a crash between storing and sending is repaired by the redelivery;
// - an older completion (an earlier task of the series completed late) changes nothing: its
//   series has already moved on.
#include <optional>
#include <string>

#include "dapr/state_store.hpp"
#include "events/task_command.hpp"
#include "series_progress.hpp"
#include "tasks/task.hpp"
#include "time/instant.hpp"

namespace todo::recurrence_service {

struct StoredProgress {
  SeriesProgress progress;
  std::string etag;
};

class ProgressStore {
 public:
  virtual ~ProgressStore() = default;
  virtual std::optional<StoredProgress> load(const std::string& series_id) = 0;
  // Saves only if the stored value still has `etag` (nullopt: only if there is none yet);
  // throws dapr::WriteConflict otherwise.
  virtual void save(const std::string& series_id, const SeriesProgress& progress,
                    const std::optional<std::string>& etag) = 0;
};

class CommandSender {
 public:
  virtual ~CommandSender() = default;
  virtual void send(const events::CreateOccurrence& command) = 0;
};

enum class CompletionResult {
  sent,              // the next occurrence was requested
  resent,            // the same completion again: the stored request was repeated
  finished,          // the series ended with this completion (COUNT or UNTIL)
  already_finished,  // the same completion again, series already ended
  stale,             // an older occurrence: the series has moved past it
};

const char* to_string(CompletionResult result);

// Handles one completion of a recurring task (`task` is the snapshot after completing).
// Throws std::invalid_argument when the task is not recurring or its rule cannot be evaluated,
// dapr::WriteConflict when another delivery decided for this series at the same moment (retry),
// and whatever the store or sender throw.
CompletionResult handle_completion(const tasks::Task& task, time::Instant completed_at,
                                   ProgressStore& store, CommandSender& sender);

}  // namespace todo::recurrence_service
