#include "dapr/subscriber.hpp"

#include <spdlog/spdlog.h>

#include "http/problem.hpp"
#include "log/log.hpp"

namespace todo::dapr {

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::kSuccess:
      return "SUCCESS";
    case Outcome::kRetry:
      return "RETRY";
    case Outcome::kDrop:
      return "DROP";
  }
  return "RETRY";
}

Subscriber::Subscriber(http::Server& server, metrics::Registry& registry)
    : server_(server), registry_(registry) {
  server_.get("/dapr/subscribe", [this](const httplib::Request&, httplib::Response& res) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : subscriptions_) {
      nlohmann::json entry = {{"pubsubname", s.pubsub}, {"topic", s.topic}, {"route", s.route}};
      if (!s.dead_letter_topic.empty()) entry["deadLetterTopic"] = s.dead_letter_topic;
      out.push_back(std::move(entry));
    }
    http::send_json(res, 200, out);
  });
}

Outcome Subscriber::dispatch(const std::string& body, const Handler& handler, std::string& reason) {
  auto event = parse_cloud_event(body, reason);
  if (!event) return Outcome::kDrop;
  log::set_trace_id(log::trace_id_from_traceparent(event->traceparent));
  try {
    return handler(*event);
  } catch (const PoisonEvent& e) {
    reason = e.what();
    return Outcome::kDrop;
  } catch (const nlohmann::json::exception& e) {
    // The payload does not have the shape the handler expects: it never will.
    reason = std::string("malformed payload: ") + e.what();
    return Outcome::kDrop;
  } catch (const std::exception& e) {
    reason = e.what();
    return Outcome::kRetry;
  }
}

void Subscriber::subscribe(const Subscription& sub, Handler handler) {
  subscriptions_.push_back(sub);
  auto& latency = registry_.histogram("pubsub_handler_duration_seconds",
                                      "Time to handle one delivered event", {{"topic", sub.topic}});
  server_.post(sub.route, [this, sub, handler = std::move(handler), &latency](
                              const httplib::Request& req, httplib::Response& res) {
    const auto started = std::chrono::steady_clock::now();
    std::string reason;
    const Outcome outcome = dispatch(req.body, handler, reason);
    latency.observe(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    registry_
        .counter("pubsub_deliveries_total", "Events delivered by Dapr, by topic and outcome",
                 {{"topic", sub.topic}, {"outcome", to_string(outcome)}})
        .inc();
    if (outcome == Outcome::kDrop) {
      spdlog::warn("dropping event on {} to {}: {}", sub.topic,
                   sub.dead_letter_topic.empty() ? "nowhere" : sub.dead_letter_topic, reason);
    } else if (outcome == Outcome::kRetry) {
      spdlog::warn("event on {} will be retried: {}", sub.topic, reason);
    }
    http::send_json(res, 200, {{"status", to_string(outcome)}});
  });
}

}  // namespace todo::dapr
