#pragma once
// Every topic of the platform, in one place (docs/architecture.md draws who writes and who reads
// each). A consumer's sidecar delivers a topic to the route /events/<topic> and parks what the
// consumer drops on <topic>-dlq: subscription_to() spells that convention once.
#include <string>

#include "dapr/subscriber.hpp"

namespace todo::events {

inline constexpr const char* kTaskEventsTopic = "task-events";      // task-service → all
inline constexpr const char* kTaskUpdatesTopic = "task-updates";    // → the frontend's browsers
inline constexpr const char* kTaskCommandsTopic = "task-commands";  // → task-service
inline constexpr const char* kUserEventsTopic = "user-events";  // task-service → notifications
inline constexpr const char* kRemindersTopic = "reminders";     // scheduler → notifications
inline constexpr const char* kRemindersDeadLetterTopic = "reminders-dlq";

// The subscription of `topic` on the pub/sub component `pubsub`: route /events/<topic>,
// dead letters on <topic>-dlq.
inline dapr::Subscription subscription_to(const std::string& pubsub, const std::string& topic) {
  dapr::Subscription s;
  s.pubsub = pubsub;
  s.topic = topic;
  s.route = "/events/" + topic;
  s.dead_letter_topic = topic + "-dlq";
  return s;
}

}  // namespace todo::events
