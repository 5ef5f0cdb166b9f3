#include "adapters/dapr_reminder_publisher.hpp"

#include "dapr/cloud_event.hpp"
#include "time/rfc3339.hpp"

namespace todo::reminder_scheduler {

DaprReminderPublisher::DaprReminderPublisher(dapr::Publisher publisher, std::string source)
    : publisher_(std::move(publisher)), source_(std::move(source)) {}

std::vector<std::string> DaprReminderPublisher::publish(const std::vector<Delivery>& deliveries) {
  const std::string now = time::format_rfc3339(time::instant_now());
  std::vector<dapr::KeyedCloudEvent> events;
  events.reserve(deliveries.size());
  for (const Delivery& d : deliveries) {
    events.push_back(
        {d.user_id, dapr::make_cloud_event(d.event_id, source_, kReminderDueType, d.payload, now)});
  }
  return publisher_.publish_cloud_events(kRemindersTopic, std::move(events));
}

}  // namespace todo::reminder_scheduler
