// Verification mails: sent at once, queued (not redelivered by Kafka) while the SMTP server is
// away, dropped once refused or once the link has expired (verification_mailer.hpp).
#include "verification_mailer.hpp"

#include <catch2/catch.hpp>

#include "dapr/memory_state_store.hpp"
#include "time/rfc3339.hpp"

using namespace todo;
using namespace todo::notify;

namespace {

const time::Instant kNow{std::chrono::seconds(1796000000)};

dapr::CloudEvent verification_event(time::Instant expires = kNow + std::chrono::hours(48)) {
  dapr::CloudEvent ev;
  ev.id = "ev-1";
  ev.type = events::kEmailVerificationRequestedType;
  events::EmailVerificationRequested r;
  r.user_id = "u-1";
  r.name = "Ada";
  r.address = "ada@example.org";
  r.link = "http://localhost:8080/verify-email#token=t";
  r.expires_at = time::format_rfc3339(expires);
  ev.data = events::to_json(r);
  return ev;
}

struct Fixture {
  dapr::testing::MemoryStateStore store;
  RetryQueue queue{store, kVerificationRetryPrefix};
  metrics::Registry registry;
  time::Instant now = kNow;
  std::vector<SendOutcome> outcomes;  // what the next sends answer, in order; then "sent"
  int sends = 0;
  VerificationMailer mailer{[this](const events::EmailVerificationRequested&) {
                              ++sends;
                              SendResult r;
                              if (!outcomes.empty()) {
                                r.outcome = outcomes.front();
                                outcomes.erase(outcomes.begin());
                              }
                              return r;
                            },
                            queue, registry, [this] { return now; }};
};

}  // namespace

TEST_CASE("a verification mail the server cannot take now is retried from the queue",
          "[notify][verification]") {
  Fixture f;
  f.outcomes = {SendOutcome::transient_failure, SendOutcome::transient_failure};
  // Answered SUCCESS: Kafka must not redeliver (that would hold every other delivery).
  CHECK(f.mailer.handle(verification_event()) == dapr::Outcome::success);
  CHECK(f.sends == 1);
  CHECK(f.mailer.retry_due() == 1);  // not due yet
  CHECK(f.sends == 1);
  f.now += VerificationMailer::kRetryEvery;
  CHECK(f.mailer.retry_due() == 1);  // due, fails again, stays queued
  CHECK(f.sends == 2);
  f.now += VerificationMailer::kRetryEvery;
  f.mailer.retry_due();
  CHECK(f.sends == 3);
  CHECK(f.queue.due(f.now + std::chrono::hours(1)).empty());  // sent: no longer queued
  // The reminders' queue is untouched.
  CHECK(RetryQueue(f.store).due(f.now + std::chrono::hours(1)).empty());
}

TEST_CASE("a refused or expired verification mail is dropped", "[notify][verification]") {
  Fixture f;
  f.outcomes = {SendOutcome::permanent_failure};
  CHECK(f.mailer.handle(verification_event()) == dapr::Outcome::success);
  CHECK(f.queue.due(f.now + std::chrono::hours(1)).empty());
  CHECK(f.mailer.handle(verification_event(kNow - std::chrono::seconds(1))) ==
        dapr::Outcome::success);
  CHECK(f.sends == 1);  // the expired link was not mailed
  f.outcomes = {SendOutcome::transient_failure};
  f.mailer.handle(verification_event(kNow + std::chrono::seconds(8)));
  f.now += std::chrono::seconds(10);  // the link expired while the server was away
  f.mailer.retry_due();
  CHECK(f.sends == 2);
  CHECK(f.queue.due(f.now + std::chrono::hours(1)).empty());
}

TEST_CASE("a verification event without its fields is poison", "[notify][verification]") {
  Fixture f;
  auto ev = verification_event();
  ev.data.erase("link");
  CHECK_THROWS_AS(f.mailer.handle(ev), errors::MalformedMessage);
  CHECK(f.sends == 0);
}
