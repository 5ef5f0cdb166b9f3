#pragma once
// Exactly one delivery per reminder and channel. Before sending, a worker claims the delivery
// record `delivery-<notification id>-<channel>` with a first write (or takes over a pending one
// whose lease ran out); after sending it records the outcome. A redelivered event finds the
// record finished and sends nothing.
//
// The one window left: a crash after the message left but before "sent" was recorded. The
// lease then runs out and the redelivered event sends again (at-least-once inside that window,
// which is a few milliseconds wide). docs/notifications.md describes it.
#include <chrono>
#include <optional>
#include <string>

#include "state_store.hpp"
#include "time/instant.hpp"

namespace todo::notify {

enum class DeliveryStatus { pending, sent, failed, skipped };
const char* to_string(DeliveryStatus s);
std::optional<DeliveryStatus> delivery_status_from(const std::string& s);

struct DeliveryRecord {
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;                // sends tried so far
  time::Instant first_attempt_at;  // the retry window counts from here
  time::Instant lease_until;       // a pending record is someone's until then
  std::string last_error;          // why the last attempt failed
  std::optional<time::Instant> finished_at;
};

nlohmann::json to_json(const DeliveryRecord& r);
// Tolerant: a malformed record reads as pending with an expired lease, so it is retried.
DeliveryRecord record_from_json(const nlohmann::json& j);

std::string delivery_key(const std::string& notification_id, const std::string& channel);

enum class ClaimResult {
  proceed,   // this worker sends now
  finished,  // sent, failed or skipped before: nothing to do
  busy,      // another worker holds a live lease: try again later
};

struct Claim {
  ClaimResult result = ClaimResult::busy;
  DeliveryRecord record;  // for proceed: the record as claimed (attempts so far)
};

class DeliveryLedger {
 public:
  DeliveryLedger(StateStore& store, std::chrono::seconds lease) : store_(store), lease_(lease) {}

  Claim claim(const std::string& key, time::Instant now);
  // Final outcomes; the record keeps its attempt count and first attempt.
  void finish(const std::string& key, DeliveryRecord record, DeliveryStatus status,
              time::Instant now, const std::string& error = "");
  // A transient failure: counts the attempt and releases the lease so a redelivery may retry
  // at once.
  void attempt_failed(const std::string& key, DeliveryRecord record, const std::string& error,
                      time::Instant now);
  // A channel the user turned off (or cannot be reached at all): recorded, never sent.
  void skip(const std::string& key, const std::string& reason, time::Instant now);

 private:
  StateStore& store_;
  std::chrono::seconds lease_;
};

}  // namespace todo::notify
