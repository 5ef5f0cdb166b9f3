#include "dapr/subscriber.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

#include "http/problem.hpp"
#include "json/bounded_parse.hpp"
#include "log/log.hpp"

namespace todo::dapr {
namespace {
// A bulk delivery wraps each event in {"entries": [{"event": ...}]}: three more levels.
constexpr int kBulkEnvelopeDepth = json::kMaxDepth + 3;
}  // namespace

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::success:
      return "SUCCESS";
    case Outcome::retry:
      return "RETRY";
    case Outcome::drop:
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
      if (s.bulk_max_messages > 0) {
        entry["bulkSubscribe"] = {{"enabled", true},
                                  {"maxMessagesCount", s.bulk_max_messages},
                                  {"maxAwaitDurationMs", s.bulk_max_await_ms}};
      }
      out.push_back(std::move(entry));
    }
    http::send_json(res, 200, out);
  });
}

Outcome Subscriber::dispatch(const std::string& body, const Handler& handler, std::string& reason) {
  auto event = parse_cloud_event(body, reason);
  if (!event) return Outcome::drop;
  log::set_trace_id(log::trace_id_from_traceparent(event->traceparent));
  try {
    return handler(*event);
  } catch (const errors::DomainError& e) {
    reason = e.what();
    return Outcome::drop;
  } catch (const nlohmann::json::exception& e) {
    // The payload does not have the shape the handler expects: it never will.
    reason = std::string("malformed payload: ") + e.what();
    return Outcome::drop;
  } catch (const std::exception& e) {
    reason = e.what();
    return Outcome::retry;
  }
}

void Subscriber::record(const Subscription& sub, Outcome outcome, const std::string& reason) {
  registry_
      .counter("pubsub_deliveries_total", "Events delivered by Dapr, by topic and outcome",
               {{"topic", sub.topic}, {"outcome", to_string(outcome)}})
      .inc();
  if (outcome == Outcome::drop) {
    spdlog::warn("dropping event on {} to {}: {}", sub.topic,
                 sub.dead_letter_topic.empty() ? "nowhere" : sub.dead_letter_topic, reason);
  } else if (outcome == Outcome::retry) {
    spdlog::warn("event on {} will be retried: {}", sub.topic, reason);
  }
}

nlohmann::json Subscriber::dispatch_bulk(const std::string& body, const Subscription& sub,
                                         const Handler& handler) {
  nlohmann::json statuses = nlohmann::json::array();
  const auto request = todo::json::parse(body, nullptr, kBulkEnvelopeDepth);
  if (!request.is_object() || !request.contains("entries") || !request["entries"].is_array()) {
    record(sub, Outcome::drop, "bulk delivery without an entries array");
    return {{"statuses", statuses}};
  }
  const auto& entries = request["entries"];
  std::vector<Outcome> outcomes(entries.size(), Outcome::retry);
  std::vector<std::string> reasons(entries.size());
  // Each worker takes every n-th entry: no shared queue, and a batch's entries run side by side.
  const std::size_t workers = std::min<std::size_t>(
      entries.size(), static_cast<std::size_t>(std::max(1, sub.bulk_parallelism)));
  auto work = [&](std::size_t first) {
    for (std::size_t i = first; i < entries.size(); i += workers) {
      const auto& entry = entries[i];
      const auto event = entry.find("event");
      if (event == entry.end()) {
        outcomes[i] = Outcome::drop;
        reasons[i] = "bulk entry without an event";
        continue;
      }
      outcomes[i] = dispatch(event->is_string() ? event->get<std::string>() : event->dump(),
                             handler, reasons[i]);
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
  if (workers > 0) work(0);
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    record(sub, outcomes[i], reasons[i]);
    // Not value("entryId", ""): it throws for an entry that is not an object or an id that is
    // not a string, which would fail the whole batch instead of dropping that entry.
    const auto& entry = entries[i];
    const auto id = entry.is_object() ? entry.find("entryId") : entry.end();
    const bool named = id != entry.end() && id->is_string();
    statuses.push_back({{"entryId", named ? id->get<std::string>() : std::string()},
                        {"status", to_string(outcomes[i])}});
  }
  return {{"statuses", statuses}};
}

void Subscriber::subscribe(const Subscription& sub, Handler handler) {
  subscriptions_.push_back(sub);
  auto& latency = registry_.histogram("pubsub_handler_duration_seconds",
                                      "Time to handle one delivered event", {{"topic", sub.topic}});
  server_.post(sub.route, [this, sub, handler = std::move(handler), &latency](
                              const httplib::Request& req, httplib::Response& res) {
    const auto started = std::chrono::steady_clock::now();
    if (sub.bulk_max_messages > 0) {
      http::send_json(res, 200, dispatch_bulk(req.body, sub, handler));
      latency.observe(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      return;
    }
    std::string reason;
    const Outcome outcome = dispatch(req.body, handler, reason);
    latency.observe(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    record(sub, outcome, reason);
    http::send_json(res, 200, {{"status", to_string(outcome)}});
  });
}

}  // namespace todo::dapr
