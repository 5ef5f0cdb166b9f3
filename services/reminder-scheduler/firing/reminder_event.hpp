#pragma once
// The reminder.due event on topic `reminders`: a raw CloudEvent of type todo.reminder.due.v1
// whose id is the firing id (or a digest's id), keyed by user id. The payload is
// events::ReminderDue (libs/events/reminder_due.hpp, proto ReminderDue), written by its to_json.
//
// missed_count is 0 for a reminder on time, 1 for a late one, and N for a digest, which adds
// "missed" (oldest first) and otherwise describes the newest of them.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "events/reminder_due.hpp"
#include "firing/firing.hpp"
#include "runtime/scheduler_metrics.hpp"
#include "runtime/wall_clock.hpp"

namespace todo::reminder_scheduler {

// The topic and type are the contract's: events/reminder_due.hpp (its reader is beside it).
using events::kReminderDueType;
using events::kRemindersTopic;

// One event to publish, and the firings that publishing it settles.
struct Delivery {
  std::string event_id;
  std::string user_id;  // the Kafka key: one user's reminders stay in order
  FiringOutcome outcome = FiringOutcome::fired;
  std::vector<DueFiring> firings;  // one, or a digest's several (oldest first)
  // Built by payload_of just before publishing, in the publishing threads: building a thousand
  // payloads one after the other would delay the last ones.
  nlohmann::json payload;
};

// The event's data: a digest for a digest, else the one firing's reminder payload.
nlohmann::json payload_of(const Delivery& delivery, WallTime fired_at);

nlohmann::json reminder_payload(const DueFiring& firing, WallTime fired_at, bool late,
                                int missed_count);

// The id of a digest: the same set of missed firings always gets the same id.
std::string digest_id(const std::string& user_id, const std::vector<DueFiring>& missed);
// Precondition: `missed` is not empty and is sorted oldest first.
nlohmann::json digest_payload(const std::string& id, const std::vector<DueFiring>& missed,
                              WallTime fired_at);

}  // namespace todo::reminder_scheduler
