#pragma once
// Mails verification links (todo.user.email_verification_requested.v1 on `user-events`).
//
// A mail the SMTP server cannot take now is queued in the state store and retried every few
// seconds until the link expires, and the event is answered SUCCESS at once: answering RETRY
// would have Kafka redeliver it, and Dapr's Kafka component holds every other delivery of this
// app while it retries one (retry_queue.hpp) — one sign-up during an SMTP outage held every
// user's reminders. A mail the server refuses for good is dropped with a log line; the user can
// ask for a new link.
#include <functional>

#include "channel_sender.hpp"
#include "dapr/cloud_event.hpp"
#include "dapr/subscriber.hpp"
#include "events/user_event.hpp"
#include "metrics/metrics.hpp"
#include "retry_queue.hpp"
#include "time/instant.hpp"

namespace todo::notify {

inline constexpr const char* kVerificationRetryPrefix = "verification-retry-";

class VerificationMailer {
 public:
  using Send = std::function<SendResult(const events::EmailVerificationRequested&)>;
  using Clock = std::function<time::Instant()>;
  static constexpr std::chrono::seconds kRetryEvery{5};

  VerificationMailer(Send send, RetryQueue& retries, metrics::Registry& registry, Clock clock);

  // Throws errors::MalformedMessage for a payload that is not a verification request.
  dapr::Outcome handle(const dapr::CloudEvent& event);
  // Sends the queued mails whose retry is due (a periodic worker's tick); returns how many are
  // queued.
  std::size_t retry_due();

 private:
  enum class Attempt { done, retry };
  Attempt attempt(const events::EmailVerificationRequested& request);

  Send send_;
  RetryQueue& retries_;
  metrics::Registry& registry_;
  Clock clock_;
};

}  // namespace todo::notify
