#pragma once
// Handles one reminder.due event: records it in the user's inbox, then delivers it on every
// channel the user chose, each exactly once (delivery_ledger.hpp: one record per reminder,
// claimed before and written after), the channels in parallel so a slow mail server never
// delays a push.
//
// Retries: a channel that failed transiently makes the handler answer RETRY; the sidecar
// redelivers the event with exponential backoff and jitter (notification-service's resiliency
// policy), and channels already finished are not sent again. Once `retry_window` has passed
// since a channel's first attempt it is marked failed and a todo.notification.failed.v1 event
// goes to the dead-letter topic `reminders-dlq`.
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "channel_sender.hpp"
#include "dapr/subscriber.hpp"
#include "delivery_ledger.hpp"
#include "inbox.hpp"
#include "metrics/metrics.hpp"
#include "profile_projection.hpp"

namespace todo::notify {

struct NotifierConfig {
  std::string app_url = "http://127.0.0.1:8080";
  std::chrono::seconds retry_window{600};
  std::chrono::seconds lease{30};
};

// Where a delivery that was given up goes (the dead-letter topic in the service).
using DeadLetter = std::function<void(const nlohmann::json& failure)>;
using Clock = std::function<time::Instant()>;

class Notifier {
 public:
  Notifier(NotifierConfig config, StateStore& store, std::vector<ChannelSender*> channels,
           DeadLetter dead_letter, metrics::Registry& registry, Clock clock);

  dapr::Outcome handle(const dapr::CloudEvent& event);

 private:
  enum class ChannelResult { done, retry };
  // Sends one pending channel and writes its outcome into `delivery` (its part of the record).
  ChannelResult deliver(ChannelSender& channel, ChannelDelivery& delivery,
                        const ReminderNotice& notice, const Profile& profile,
                        const nlohmann::json& event_data, time::Instant now);
  void count(const char* channel, const char* outcome);

  NotifierConfig config_;
  ProfileProjection profiles_;
  Inbox inbox_;
  DeliveryLedger ledger_;
  std::vector<ChannelSender*> channels_;
  DeadLetter dead_letter_;
  metrics::Registry& registry_;
  Clock clock_;
};

}  // namespace todo::notify
