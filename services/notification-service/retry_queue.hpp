#pragma once
// Reminders with a channel still to retry, kept in the state store and retried from a timer.
//
// Why not let Kafka redeliver (answer RETRY)? Dapr's Kafka component hands over one bulk batch
// at a time for all partitions and keeps retrying a batch while it holds that turn, so one
// reminder waiting for its SMTP server held back every other user's push and in-app
// notification until the server was back. Instead the event is answered SUCCESS once its retry
// is queued here, and a periodic worker hands it back to the Notifier when it is due.
//
// Crash-safe: the queue lives in the state store, in 16 shard keys `retry-queue-<n>` (a
// reminder's shard comes from a stable hash of its notification id), each an ETag-guarded
// object {notification id: {"event", "next_at"}}. Any replica may take a due entry; the delivery
// record's lease makes sure only one sends.
#include <string>
#include <vector>

#include "dapr/cloud_event.hpp"
#include "dapr/state_store.hpp"
#include "time/instant.hpp"

namespace todo::notify {

struct QueuedRetry {
  std::string notification_id;
  dapr::CloudEvent event;  // id, type and data: what the Notifier needs
  time::Instant next_at;
};

// The reminders' queue; other queues (verification mails) use a prefix of their own.
inline constexpr const char* kReminderRetryPrefix = "retry-queue-";

class RetryQueue {
 public:
  static constexpr int kShards = 16;
  // Each shard is rewritten whole on every change, so it is kept small (an entry is about 1 KB):
  // beyond this, new reminders are refused and fall back to Kafka's redelivery (back-pressure).
  static constexpr std::size_t kMaxPerShard = 1000;
  explicit RetryQueue(dapr::StateStore& store, std::string key_prefix = kReminderRetryPrefix)
      : store_(store), prefix_(std::move(key_prefix)) {}

  // Adds the reminder, or moves its next attempt. Throws when the store cannot be written or
  // the shard is full (the caller then falls back to Kafka redelivery).
  void schedule(const std::string& notification_id, const dapr::CloudEvent& event,
                time::Instant next_at);
  void remove(const std::string& notification_id);
  // Every queued retry whose time has come, oldest first; `queued` (if given) gets the total.
  std::vector<QueuedRetry> due(time::Instant now, std::size_t* queued = nullptr);

 private:
  std::string key_of(const std::string& id) const;

  dapr::StateStore& store_;
  std::string prefix_;
};

// The shard key of a reminder's entry in the reminders' queue.
std::string retry_shard_key(const std::string& notification_id);

}  // namespace todo::notify
