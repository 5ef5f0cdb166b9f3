#include "verification_mailer.hpp"

#include <spdlog/spdlog.h>

#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

// One queue entry per event: a redelivered event replaces its own entry.
std::string entry_id(const dapr::CloudEvent& event) {
  return "verification:" + event.id;
}

bool expired(const events::EmailVerificationRequested& request, time::Instant now) {
  const auto expires = time::parse_rfc3339(request.expires_at);
  return expires && *expires <= now;
}

}  // namespace

VerificationMailer::VerificationMailer(Send send, RetryQueue& retries, metrics::Registry& registry,
                                       Clock clock)
    : send_(std::move(send)), retries_(retries), registry_(registry), clock_(std::move(clock)) {}

VerificationMailer::Attempt VerificationMailer::attempt(
    const events::EmailVerificationRequested& request) {
  const SendResult sent = send_(request);
  const char* result = sent.outcome == SendOutcome::sent                ? "sent"
                       : sent.outcome == SendOutcome::permanent_failure ? "refused"
                                                                        : "retry";
  registry_.counter("verification_emails_total", "Verification links mailed", {{"result", result}})
      .inc();
  if (sent.outcome == SendOutcome::permanent_failure) {
    spdlog::warn("verification mail for user {} refused: {}", request.user_id, sent.error);
  }
  return sent.outcome == SendOutcome::transient_failure ? Attempt::retry : Attempt::done;
}

dapr::Outcome VerificationMailer::handle(const dapr::CloudEvent& event) {
  const auto request = events::parse_email_verification_requested(event.data);
  if (expired(request, clock_())) return dapr::Outcome::success;  // a link nobody can use
  if (attempt(request) == Attempt::done) return dapr::Outcome::success;
  try {
    retries_.schedule(entry_id(event), event, clock_() + kRetryEvery);
    return dapr::Outcome::success;
  } catch (const std::exception& e) {
    // The queue cannot take it: Kafka's redelivery is the fallback, slow as it is for others.
    spdlog::warn("verification mail not queued for retry: {}", e.what());
    return dapr::Outcome::retry;
  }
}

std::size_t VerificationMailer::retry_due() {
  std::size_t queued = 0;
  for (const auto& entry : retries_.due(clock_(), &queued)) {
    try {
      const auto request = events::parse_email_verification_requested(entry.event.data);
      if (expired(request, clock_()) || attempt(request) == Attempt::done) {
        retries_.remove(entry.notification_id);
      } else {
        retries_.schedule(entry.notification_id, entry.event, clock_() + kRetryEvery);
      }
    } catch (const errors::MalformedMessage& e) {
      spdlog::error("dropping the queued verification mail {}: {}", entry.notification_id,
                    e.what());
      retries_.remove(entry.notification_id);
    } catch (const std::exception& e) {
      spdlog::warn("verification mail retry {} did not run: {}", entry.notification_id, e.what());
    }
  }
  return queued;
}

}  // namespace todo::notify
