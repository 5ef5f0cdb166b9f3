#include "dapr_adapters.hpp"

#include "dapr/cloud_event.hpp"
#include "events/task_event.hpp"
#include "time/rfc3339.hpp"

namespace todo::recurrence_service {

std::optional<StoredProgress> StateProgressStore::load(const std::string& series_id) {
  const auto item = store_.get(series_key(series_id));
  if (!item) return std::nullopt;
  auto progress = series_progress_from_json(item->value);
  // Another shape (an older version's record): start over with the real ETag, so the save
  // still cannot race with a concurrent delivery.
  return StoredProgress{progress ? *progress : SeriesProgress{-1, nullptr, false}, item->etag};
}

void StateProgressStore::save(const std::string& series_id, const SeriesProgress& progress,
                              const std::optional<std::string>& etag) {
  // Without an ETag, a first write: a concurrent first decision for the series fails.
  if (etag) {
    store_.put(series_key(series_id), to_json(progress), *etag);
  } else {
    store_.create(series_key(series_id), to_json(progress));
  }
}

DaprCommandSender::DaprCommandSender(dapr::Publisher publisher, std::string source)
    : publisher_(std::move(publisher)), source_(std::move(source)) {}

void DaprCommandSender::send(const events::CreateOccurrence& command) {
  const auto event =
      dapr::make_cloud_event(events::command_id(command), source_, events::kCreateOccurrenceType,
                             events::to_json(command), time::format_rfc3339(time::instant_now()));
  publisher_.publish_cloud_event(events::kTaskCommandsTopic, command.user_id, event);
}

}  // namespace todo::recurrence_service
