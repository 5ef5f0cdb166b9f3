#pragma once
// Handles one reminder.due event: records it in the user's inbox, then delivers it on every
// channel the user chose, each exactly once (delivery_ledger.hpp: one record per reminder,
// claimed before and written after), the channels in parallel so a slow mail server never
// delays a push.
//
// Retries: a channel that failed transiently is retried with exponential backoff and jitter,
// from the RetryQueue (or, without one or when it cannot be written, by answering RETRY so the
// sidecar redelivers); channels already finished are not sent again. Once `retry_window` has passed
// since a channel's first attempt it is marked failed and a todo.notification.failed.v1 event
// goes to the dead-letter topic `reminders-dlq`.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "channel_sender.hpp"
#include "dapr/subscriber.hpp"
#include "delivery_ledger.hpp"
#include "inbox.hpp"
#include "metrics/metrics.hpp"
#include "profile_projection.hpp"
#include "retry_queue.hpp"

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
  // Without `retries` a reminder with a channel to retry is answered RETRY (Kafka redelivers
  // it); with it, the retry is queued and the event answered SUCCESS (retry_queue.hpp says why).
  Notifier(NotifierConfig config, dapr::StateStore& store, std::vector<ChannelSender*> channels,
           DeadLetter dead_letter, metrics::Registry& registry, Clock clock,
           RetryQueue* retries = nullptr);

  dapr::Outcome handle(const dapr::CloudEvent& event);
  // Runs the queued retries that are due (a service::PeriodicWorker calls it every second); returns
  // how many reminders are queued.
  std::size_t retry_due();

 private:
  enum class ChannelResult { done, retry };
  // One pass over a reminder: inbox, claim, the pending channels, the record.
  struct Pass {
    std::string notification_id;
    bool to_retry = false;          // a channel is still pending
    time::Instant next_attempt_at;  // when to try it again
  };
  Pass deliver_pending(const dapr::CloudEvent& event);
  time::Instant backoff_from(time::Instant now, int attempts);
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
  RetryQueue* retries_;
  std::mutex random_mu_;
  std::mt19937 random_{std::random_device{}()};
};

}  // namespace todo::notify
