#include "notifier.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <future>

#include "events/reminder_due.hpp"
#include "notice_builder.hpp"
#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

// Delay buckets in seconds, from "at once" to "after a long outage".
std::vector<double> delay_buckets() {
  return {0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900};
}

Profile fallback_profile(const events::ReminderDue& due) {
  // No user event seen yet (an account older than the projection): in-app only, in the task's
  // zone. Email needs an address and push a topic, which only the account's event carries.
  Profile p;
  p.user_id = due.user_id;
  p.time_zone = due.time_zone;
  p.channels.email = false;
  p.channels.push = false;
  p.channels.in_app = true;
  return p;
}

}  // namespace

Notifier::Notifier(NotifierConfig config, dapr::StateStore& store,
                   std::vector<ChannelSender*> channels, DeadLetter dead_letter,
                   metrics::Registry& registry, Clock clock, RetryQueue* retries)
    : config_(std::move(config)),
      profiles_(store),
      inbox_(store),
      ledger_(store, config_.lease),
      channels_(std::move(channels)),
      dead_letter_(std::move(dead_letter)),
      registry_(registry),
      clock_(std::move(clock)),
      retries_(retries) {}

void Notifier::count(const char* channel, const char* outcome) {
  registry_
      .counter("notification_deliveries_total", "Deliveries by channel and outcome",
               {{"channel", channel}, {"outcome", outcome}})
      .inc();
}

dapr::Outcome Notifier::handle(const dapr::CloudEvent& event) {
  const Pass pass = deliver_pending(event);
  if (!pass.to_retry) return dapr::Outcome::success;
  if (retries_ != nullptr) {
    try {
      retries_->schedule(pass.notification_id, event, pass.next_attempt_at);
      return dapr::Outcome::success;  // the retry queue has it now
    } catch (const std::exception& e) {
      spdlog::warn("could not queue the retry of {}, Kafka will redeliver it: {}",
                   pass.notification_id, e.what());
    }
  }
  return dapr::Outcome::retry;
}

std::size_t Notifier::retry_due() {
  if (retries_ == nullptr) return 0;
  std::size_t queued = 0;
  for (const auto& entry : retries_->due(clock_(), &queued)) {
    try {
      const Pass pass = deliver_pending(entry.event);
      if (pass.to_retry) {
        retries_->schedule(entry.notification_id, entry.event, pass.next_attempt_at);
      } else {
        retries_->remove(entry.notification_id);
      }
    } catch (const errors::MalformedMessage& e) {
      // It was read from a valid event before; a damaged entry is dropped with a trace.
      spdlog::error("dropping the queued retry of {}: {}", entry.notification_id, e.what());
      retries_->remove(entry.notification_id);
    } catch (const std::exception& e) {
      // The sidecar or store is away: the entry stays queued and is due again at the next tick.
      spdlog::warn("retry of {} did not run: {}", entry.notification_id, e.what());
    }
  }
  registry_.gauge("notification_retry_queue_size", "Reminders waiting for a channel's retry")
      .set(static_cast<double>(queued));
  return queued;
}

time::Instant Notifier::backoff_from(time::Instant now, int attempts) {
  // As the resiliency policy the sidecar used to apply: 1 s growing 1.5x up to 15 s, with
  // +-20% jitter so a burst of failures does not come back as one burst.
  double seconds = 1.0;
  for (int i = 1; i < attempts && seconds < 15.0; ++i) seconds *= 1.5;
  seconds = std::min(seconds, 15.0);
  std::uniform_real_distribution<double> jitter(0.8, 1.2);
  {
    std::lock_guard<std::mutex> lock(random_mu_);
    seconds *= jitter(random_);
  }
  // Instants are whole seconds: round up, so the first retry is never "now".
  return now + std::chrono::ceil<std::chrono::seconds>(std::chrono::duration<double>(seconds));
}

Notifier::Pass Notifier::deliver_pending(const dapr::CloudEvent& event) {
  const auto due = events::parse_reminder_due(event.data);
  const std::string id = event.id.empty() ? due.firing_id : event.id;
  const auto stored = profiles_.get(due.user_id);
  const Profile profile = stored ? *stored : fallback_profile(due);
  const ReminderNotice notice = build_notice(id, due, stored, config_.app_url);
  const auto now = clock_();

  ChannelPlan plan;
  nlohmann::json inbox_plan = nlohmann::json::object();
  for (auto* channel : channels_) {
    plan[channel->name()] = channel->unavailable_reason(profile);
    inbox_plan[channel->name()] = plan[channel->name()].empty() ? "pending" : "skipped";
  }
  // The inbox is the record of every notification, whichever channels carry it.
  inbox_.add(due.user_id, inbox_item(notice, inbox_plan, now));

  Pass pass;
  pass.notification_id = id;
  Claim claim = ledger_.claim(id, plan, now);
  if (claim.created) {
    for (const auto& [name, c] : claim.record.channels) {
      if (c.status == DeliveryStatus::skipped) count(name.c_str(), "skipped");
    }
  }
  if (claim.result == ClaimResult::busy) {
    // Another worker is sending; look again once its lease has run out.
    pass.to_retry = true;
    pass.next_attempt_at = std::max(claim.record.lease_until, now + std::chrono::seconds(1));
    return pass;
  }
  if (claim.result == ClaimResult::finished) {
    if (!claim.created) {
      for (const auto& [name, c] : claim.record.channels) {
        if (c.status != DeliveryStatus::skipped) count(name.c_str(), "duplicate");
      }
    }
    return pass;
  }

  // The pending channels, side by side; each updates only its own part of the record.
  std::vector<std::future<bool>> retries;
  for (auto* channel : channels_) {
    auto part = claim.record.channels.find(channel->name());
    if (part == claim.record.channels.end() || part->second.status != DeliveryStatus::pending)
      continue;
    ChannelDelivery* delivery = &part->second;
    retries.push_back(std::async(std::launch::async, [this, channel, delivery, &notice, &profile,
                                                      &event, now] {
      return deliver(*channel, *delivery, notice, profile, event.data, now) == ChannelResult::retry;
    }));
  }
  for (auto& r : retries) pass.to_retry = r.get() || pass.to_retry;
  const auto after = clock_();
  ledger_.record(id, claim.record, after);
  if (pass.to_retry) {
    int attempts = 1;
    for (const auto& [name, c] : claim.record.channels) {
      if (c.status == DeliveryStatus::pending) attempts = std::max(attempts, c.attempts);
    }
    pass.next_attempt_at = backoff_from(after, attempts);
  }
  return pass;
}

Notifier::ChannelResult Notifier::deliver(ChannelSender& channel, ChannelDelivery& delivery,
                                          const ReminderNotice& notice, const Profile& profile,
                                          const nlohmann::json& event_data, time::Instant now) {
  auto give_up = [&](const std::string& error, time::Instant at) {
    delivery.status = DeliveryStatus::failed;
    delivery.last_error = error;
    delivery.finished_at = at;
    count(channel.name(), "failed");
    spdlog::warn("notification {} on {} failed for good: {}", notice.notification_id,
                 channel.name(), error);
    dead_letter_({{"notification_id", notice.notification_id},
                  {"channel", channel.name()},
                  {"user_id", notice.user_id},
                  {"task_id", notice.task_id},
                  {"attempts", delivery.attempts},
                  {"error", error},
                  {"reminder", event_data}});
    return ChannelResult::done;
  };
  if (delivery.attempts > 0 && now - delivery.first_attempt_at >= config_.retry_window) {
    return give_up(
        "gave up after " + std::to_string(delivery.attempts) + " attempts: " + delivery.last_error,
        now);
  }

  SendResult result;
  try {
    result = channel.send(notice, profile);
  } catch (const std::exception& e) {
    // Senders map their dependencies' failures themselves; anything else is retried too, so
    // the other channels' outcomes are still recorded in the one write after this.
    result = {SendOutcome::transient_failure, e.what()};
  }
  const auto after = clock_();
  ++delivery.attempts;
  switch (result.outcome) {
    case SendOutcome::sent: {
      delivery.status = DeliveryStatus::sent;
      delivery.finished_at = after;
      count(channel.name(), "sent");
      const double delay = std::chrono::duration<double>(after - notice.fire_at).count();
      registry_
          .histogram("notification_delivery_delay_seconds",
                     "From the reminder instant to the hand-over to the channel",
                     {{"channel", channel.name()}}, delay_buckets())
          .observe(delay < 0 ? 0 : delay);
      return ChannelResult::done;
    }
    case SendOutcome::permanent_failure:
      return give_up(result.error, after);
    case SendOutcome::transient_failure:
      break;
  }
  delivery.last_error = result.error;
  count(channel.name(), "retry");
  spdlog::info("notification {} on {}: attempt {} failed, will retry: {}", notice.notification_id,
               channel.name(), delivery.attempts, result.error);
  return ChannelResult::retry;
}

}  // namespace todo::notify
