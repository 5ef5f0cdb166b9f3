#pragma once
// Where reminder events go: topic `reminders` through the Dapr sidecar in production
// (adapters/dapr_reminder_publisher.hpp), a recording fake in unit tests.
#include <string>
#include <vector>

#include "firing/reminder_event.hpp"

namespace todo::reminder_scheduler {

class ReminderPublisher {
 public:
  virtual ~ReminderPublisher() = default;
  // Publishes each delivery's event; returns the event ids that were not accepted (empty when
  // all were). Throws when none could be published.
  virtual std::vector<std::string> publish(const std::vector<Delivery>& deliveries) = 0;
};

}  // namespace todo::reminder_scheduler
