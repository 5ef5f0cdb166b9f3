#pragma once
// The scheduler's publisher on Dapr: the `reminders` topic. (Its buckets are kept through
// dapr::DaprStateStore, libs/dapr/state_store.hpp.)
#include <string>

#include "dapr/publisher.hpp"
#include "firing/reminder_publisher.hpp"

namespace todo::reminder_scheduler {

class DaprReminderPublisher final : public ReminderPublisher {
 public:
  DaprReminderPublisher(dapr::Publisher publisher, std::string source);
  // Raw CloudEvents (so their ids survive), keyed by user id; several at once as one bulk
  // publish, each entry carrying its own partition key.
  std::vector<std::string> publish(const std::vector<Delivery>& deliveries) override;

 private:
  dapr::Publisher publisher_;
  std::string source_;
};

}  // namespace todo::reminder_scheduler
