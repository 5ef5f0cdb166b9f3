#include "adapters/dapr_reminder_publisher.hpp"

#include "dapr/cloud_event.hpp"
#include "time/rfc3339.hpp"

namespace todo::reminder_scheduler {

DaprReminderPublisher::DaprReminderPublisher(dapr::Client& dapr, std::string pubsub,
                                             std::string source)
    : dapr_(dapr), pubsub_(std::move(pubsub)), source_(std::move(source)) {}

std::vector<std::string> DaprReminderPublisher::publish(const std::vector<Delivery>& deliveries) {
  const std::string now = time::format_rfc3339(time::instant_now());
  auto cloud_event = [&](const Delivery& d) {
    return dapr::make_cloud_event(d.event_id, source_, kReminderDueType, d.payload, now);
  };
  if (deliveries.size() == 1) {
    const Delivery& only = deliveries.front();
    dapr_.publish(pubsub_, kRemindersTopic, cloud_event(only),
                  {only.user_id, /*raw_cloud_event=*/true});
    return {};
  }
  std::vector<dapr::BulkEntry> entries;
  entries.reserve(deliveries.size());
  for (const Delivery& d : deliveries) {
    entries.push_back({d.event_id, cloud_event(d), {{"partitionKey", d.user_id}}});
  }
  return dapr_.bulk_publish(pubsub_, kRemindersTopic, entries);
}

}  // namespace todo::reminder_scheduler
