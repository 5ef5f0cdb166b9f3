#include "series_tracker.hpp"

#include "next_command.hpp"

namespace todo::recurrence_service {

const char* to_string(CompletionResult result) {
  switch (result) {
    case CompletionResult::sent:
      return "sent";
    case CompletionResult::resent:
      return "resent";
    case CompletionResult::finished:
      return "finished";
    case CompletionResult::already_finished:
      return "already_finished";
    case CompletionResult::stale:
      return "stale";
  }
  return "unknown";
}

CompletionResult handle_completion(const tasks::Task& task, time::Instant completed_at,
                                   ProgressStore& store, CommandSender& sender) {
  if (!task.series_id) throw std::invalid_argument("the task has no series id");
  const std::string& series_id = *task.series_id;
  const std::optional<StoredProgress> stored = store.load(series_id);
  if (stored) {
    const SeriesProgress& before = stored->progress;
    if (task.occurrence_index < before.completed_index) return CompletionResult::stale;
    if (task.occurrence_index == before.completed_index) {
      if (before.finished || before.command.is_null()) return CompletionResult::already_finished;
      sender.send(events::parse_create_occurrence(before.command));
      return CompletionResult::resent;
    }
  }

  SeriesProgress decided;
  decided.completed_index = task.occurrence_index;
  const auto next = next_of(task, completed_at);
  std::optional<events::CreateOccurrence> command;
  if (next) {
    command = make_command(task, *next);
    decided.command = events::to_json(*command);
  } else {
    decided.finished = true;
  }
  // Stored before sending: if the process dies in between, the redelivered completion finds the
  // decision and sends the same command.
  store.save(series_id, decided, stored ? std::optional<std::string>(stored->etag) : std::nullopt);
  if (!command) return CompletionResult::finished;
  sender.send(*command);
  return CompletionResult::sent;
}

}  // namespace todo::recurrence_service
