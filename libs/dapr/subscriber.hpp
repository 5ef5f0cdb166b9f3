#pragma once
// The app side of Dapr pub/sub: answers GET /dapr/subscribe with the declared subscriptions
// and turns each delivery into a handler call whose outcome is SUCCESS, RETRY or DROP.
#include <functional>
#include <string>
#include <vector>

#include "dapr/cloud_event.hpp"
#include "errors/domain_error.hpp"
#include "http/server.hpp"
#include "metrics/metrics.hpp"

namespace todo::dapr {

enum class Outcome { success, retry, drop };

// A handler throws an errors::DomainError (errors/domain_error.hpp: a malformed message, invalid
// data, a thing not found) for input that can never be processed: the delivery is answered DROP,
// so the event goes to the dead-letter topic. Any other exception is treated as transient
// (RETRY).

struct Subscription {
  std::string pubsub = "kafka-pubsub";
  std::string topic;
  std::string route;              // e.g. "/events/task-events"
  std::string dead_letter_topic;  // e.g. "task-events-dlq"
  // > 0: Dapr bulk subscribe. The sidecar delivers up to this many events at once (waiting at
  // most bulk_max_await_ms to fill a batch) and the subscriber runs them on up to
  // bulk_parallelism threads, answering each entry's outcome. For consumers whose events are
  // independent (one event's work does not depend on an earlier one's).
  int bulk_max_messages = 0;
  int bulk_max_await_ms = 50;
  int bulk_parallelism = 16;
};

class Subscriber {
 public:
  using Handler = std::function<Outcome(const CloudEvent&)>;

  Subscriber(http::Server& server, metrics::Registry& registry);
  void subscribe(const Subscription& sub, Handler handler);

  // Runs one delivery body through a handler; public so unit tests can drive it.
  static Outcome dispatch(const std::string& body, const Handler& handler, std::string& reason);
  // Runs one bulk delivery ({"entries": [{"entryId", "event", ...}]}) and returns the answer
  // {"statuses": [{"entryId", "status"}]}; public so unit tests can drive it.
  nlohmann::json dispatch_bulk(const std::string& body, const Subscription& sub,
                               const Handler& handler);

 private:
  http::Server& server_;
  metrics::Registry& registry_;
  std::vector<Subscription> subscriptions_;

  // Counts and logs one outcome.
  void record(const Subscription& sub, Outcome outcome, const std::string& reason);
};

const char* to_string(Outcome o);

}  // namespace todo::dapr
