#include "firing/missed_policy.hpp"

#include <algorithm>
#include <map>

namespace todo::reminder_scheduler {
namespace {

std::chrono::duration<double> lateness(const DueFiring& firing, WallTime now) {
  return now - WallTime(firing.firing.fire_at);
}

Delivery single(DueFiring firing, bool late) {
  Delivery delivery;
  delivery.event_id = firing.id();
  delivery.user_id = firing.task.user_id;
  delivery.outcome = late ? FiringOutcome::late : FiringOutcome::fired;
  delivery.firings.push_back(std::move(firing));
  return delivery;
}

Delivery digest(std::vector<DueFiring> missed) {
  std::sort(missed.begin(), missed.end(), [](const DueFiring& a, const DueFiring& b) {
    return a.firing.fire_at < b.firing.fire_at;
  });
  Delivery delivery;
  delivery.user_id = missed.front().task.user_id;
  delivery.event_id = digest_id(delivery.user_id, missed);
  delivery.outcome = FiringOutcome::digest;
  delivery.firings = std::move(missed);
  return delivery;
}

}  // namespace

std::optional<MissedAction> parse_missed_action(const std::string& text) {
  if (text == "deliver_late") return MissedAction::deliver_late;
  if (text == "digest") return MissedAction::digest;
  if (text == "skip_older_than") return MissedAction::skip_older_than;
  return std::nullopt;
}

const char* to_string(MissedAction action) {
  switch (action) {
    case MissedAction::deliver_late:
      return "deliver_late";
    case MissedAction::digest:
      return "digest";
    case MissedAction::skip_older_than:
      return "skip_older_than";
  }
  return "deliver_late";
}

DeliveryPlan plan_deliveries(std::vector<DueFiring> due, WallTime now,
                             const PolicyForUser& policy_for) {
  DeliveryPlan plan;
  std::map<std::string, MissedPolicy> policies;  // asked once per user and pass
  std::map<std::string, std::vector<DueFiring>> to_digest;
  for (DueFiring& firing : due) {
    const std::string& user = firing.task.user_id;
    auto policy = policies.find(user);
    if (policy == policies.end()) policy = policies.emplace(user, policy_for(user)).first;
    const MissedPolicy& p = policy->second;
    const auto late_by = lateness(firing, now);
    if (late_by <= p.late_after) {
      plan.deliveries.push_back(single(std::move(firing), false));
    } else if (p.action == MissedAction::skip_older_than && late_by > p.skip_older_than) {
      plan.skipped.push_back(std::move(firing));
    } else if (p.action == MissedAction::digest) {
      to_digest[user].push_back(std::move(firing));
    } else {
      plan.deliveries.push_back(single(std::move(firing), true));
    }
  }
  for (auto& [user, missed] : to_digest) {
    if (missed.size() == 1) {
      plan.deliveries.push_back(single(std::move(missed.front()), true));
    } else {
      plan.deliveries.push_back(digest(std::move(missed)));
    }
  }
  return plan;
}

}  // namespace todo::reminder_scheduler
