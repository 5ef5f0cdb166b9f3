#pragma once
// Exactly one delivery per reminder and channel, with one state record per reminder:
// `deliveries-<notification id>` holds every channel's status and one lease.
//
// Before sending, a worker claims the record with a first write (or takes over a record whose
// lease ran out, with an ETag-guarded write); after all channels of the reminder were tried it
// writes their outcomes at once. A redelivered event finds every channel finished and sends
// nothing. One record instead of one per channel cuts the state calls per reminder from two per
// channel plus one per outcome to three in all.
//
// The one window left: a crash after a message left but before the outcomes were recorded. The
// lease then runs out and the redelivered event sends that channel again (at-least-once inside
// that window, which lasts from a channel's send to the slowest channel's). docs/notifications.md
// describes it.
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "dapr/state_store.hpp"
#include "time/instant.hpp"

namespace todo::notify {

enum class DeliveryStatus { pending, sent, failed, skipped };
const char* to_string(DeliveryStatus s);
std::optional<DeliveryStatus> delivery_status_from(const std::string& s);

// One channel's part of a delivery record.
struct ChannelDelivery {
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;                // sends tried so far
  time::Instant first_attempt_at;  // the retry window counts from here
  std::string last_error;          // why the last attempt failed, or why the channel was skipped
  std::optional<time::Instant> finished_at;
};

struct DeliveryRecord {
  std::map<std::string, ChannelDelivery> channels;  // by channel name
  time::Instant lease_until;  // a record with pending channels is someone's until then
  bool finished() const;      // no channel pending
};

nlohmann::json to_json(const DeliveryRecord& r);
// Tolerant: a malformed channel reads as pending, a malformed lease as expired, so a damaged
// record is retried rather than dropped.
DeliveryRecord record_from_json(const nlohmann::json& j);

std::string delivery_key(const std::string& notification_id);

enum class ClaimResult {
  proceed,   // this worker sends the pending channels now
  finished,  // every channel was sent, failed or skipped before: nothing to do
  busy,      // another worker holds a live lease: try again later
};

struct Claim {
  ClaimResult result = ClaimResult::busy;
  DeliveryRecord record;  // for proceed: the record as claimed
  bool created = false;   // this claim made the record (the first delivery of the event)
};

// For each channel: why it cannot be used (it is then recorded as skipped), or "" to send it.
using ChannelPlan = std::map<std::string, std::string>;

class DeliveryLedger {
 public:
  // Records are deleted by the store `retention` after their last write: long after any
  // redelivery of the reminder could come (Kafka keeps `reminders` for 7 days), so the store
  // does not grow with every reminder ever sent.
  DeliveryLedger(dapr::StateStore& store, std::chrono::seconds lease,
                 std::chrono::seconds retention = std::chrono::hours(24 * 30))
      : store_(store), lease_(lease), retention_(retention) {}

  // Reads before it writes: a first write the store refuses counts as a failure to the sidecar's
  // circuit breaker, and redelivered bursts would otherwise open it. A record that exists keeps
  // its channels' decisions (a channel turned off later still gets its pending retries); a
  // channel it lacks (a damaged record, or a channel added since) is added from `plan`.
  Claim claim(const std::string& notification_id, const ChannelPlan& plan, time::Instant now);
  // Writes the outcomes of a claimed record and releases its lease, so a redelivery may retry
  // the channels still pending at once.
  void record(const std::string& notification_id, DeliveryRecord record, time::Instant now);

 private:
  dapr::StateStore& store_;
  std::chrono::seconds lease_;
  std::chrono::seconds retention_;
};

}  // namespace todo::notify
