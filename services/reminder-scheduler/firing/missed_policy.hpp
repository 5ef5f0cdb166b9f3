#pragma once
// What to do with a reminder that fires late (more than late_after after its instant): after a
// restart, an outage of the sidecar or Kafka, or a backlog.
//
// - deliver_late: publish it anyway, marked late (the default);
// - digest: fold each user's late reminders of one pass into one event (missed_count, "missed");
// - skip_older_than: skip those later than skip_older_than (recorded as skipped, counted in
//   reminders_fired_total{outcome="skipped"}), deliver the others late.
//
// The policy comes from a function of the user id: today every user gets the flags' policy;
// per-user preferences can be plugged in there later without touching the firing loop.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "firing/firing.hpp"
#include "firing/reminder_event.hpp"
#include "runtime/wall_clock.hpp"

namespace todo::reminder_scheduler {

enum class MissedAction { deliver_late, digest, skip_older_than };

std::optional<MissedAction> parse_missed_action(const std::string& text);
const char* to_string(MissedAction action);

struct MissedPolicy {
  MissedAction action = MissedAction::deliver_late;
  std::chrono::seconds late_after{60};
  std::chrono::seconds skip_older_than{std::chrono::hours(24)};
};

using PolicyForUser = std::function<MissedPolicy(const std::string& user_id)>;

struct DeliveryPlan {
  std::vector<Delivery> deliveries;
  std::vector<DueFiring> skipped;
};

// Decides, at `now`, what becomes of each due firing: an event of its own (on time or late),
// part of a digest, or skipped.
DeliveryPlan plan_deliveries(std::vector<DueFiring> due, WallTime now,
                             const PolicyForUser& policy_for);

}  // namespace todo::reminder_scheduler
