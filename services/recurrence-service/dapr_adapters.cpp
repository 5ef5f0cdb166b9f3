#include "dapr_adapters.hpp"

#include "dapr/cloud_event.hpp"
#include "events/task_event.hpp"
#include "time/rfc3339.hpp"

namespace todo::recurrence_service {

DaprProgressStore::DaprProgressStore(dapr::Client& dapr, std::string store)
    : dapr_(dapr), store_(std::move(store)) {}

std::optional<StoredProgress> DaprProgressStore::load(const std::string& series_id) {
  const auto item = dapr_.get_state(store_, series_key(series_id));
  if (!item) return std::nullopt;
  auto progress = series_progress_from_json(item->value);
  // Another shape (an older version's record): start over with the real ETag, so the save
  // still cannot race with a concurrent delivery.
  return StoredProgress{progress ? *progress : SeriesProgress{-1, nullptr, false}, item->etag};
}

void DaprProgressStore::save(const std::string& series_id, const SeriesProgress& progress,
                             const std::optional<std::string>& etag) {
  dapr::StateWrite write;
  write.key = series_key(series_id);
  write.value = to_json(progress);
  write.etag = etag;
  // Without an ETag, "first-write" makes a concurrent first decision for the series fail.
  write.first_write = true;
  dapr_.save_state(store_, {write});
}

DaprCommandSender::DaprCommandSender(dapr::Client& dapr, std::string pubsub, std::string source)
    : dapr_(dapr), pubsub_(std::move(pubsub)), source_(std::move(source)) {}

void DaprCommandSender::send(const events::CreateOccurrence& command) {
  const auto event =
      dapr::make_cloud_event(events::command_id(command), source_, events::kCreateOccurrenceType,
                             events::to_json(command), time::format_rfc3339(time::instant_now()));
  dapr_.publish(pubsub_, events::kTaskCommandsTopic, event,
                {command.user_id, /*raw_cloud_event=*/true});
}

}  // namespace todo::recurrence_service
