#include "event_stream.hpp"

#include <spdlog/spdlog.h>

#include <memory>

#include "http/problem.hpp"

namespace todo::frontend {

bool update_for_browser(const dapr::CloudEvent& ev, std::string& user_id, std::string& data) {
  if (!ev.data.is_object()) return false;
  const auto user = ev.data.find("user_id");
  if (user == ev.data.end() || !user->is_string() || user->get<std::string>().empty()) return false;
  user_id = user->get<std::string>();
  data = nlohmann::json{{"type", ev.type}, {"id", ev.id}, {"data", ev.data}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return true;
}

dapr::Subscriber::Handler task_updates_handler(EventHub& hub, metrics::Registry& registry) {
  metrics::Counter* received =
      &registry.counter("task_updates_received_total", "task-updates events received");
  metrics::Counter* ignored = &registry.counter(
      "task_updates_ignored_total", "task-updates events that name no user (not for a browser)");
  EventHub* hub_ptr = &hub;
  return [hub_ptr, received, ignored](const dapr::CloudEvent& ev) {
    if (!ev.data.is_object()) throw errors::MalformedMessage("update is not a JSON object");
    received->inc();
    std::string user_id, data;
    if (!update_for_browser(ev, user_id, data)) {
      ignored->inc();
      return dapr::Outcome::success;
    }
    hub_ptr->publish(user_id, "update", data);
    return dapr::Outcome::success;
  };
}

void install_event_stream(http::Server& server, ApiProxy& proxy, EventHub& hub,
                          metrics::Registry& registry, StreamOptions options) {
  // Pointers, not references: the handlers outlive this function's locals.
  metrics::Gauge* open_gauge =
      &registry.gauge("sse_streams_open", "Open server-sent event streams");
  metrics::Counter* sent =
      &registry.counter("sse_events_sent_total", "Events written to browser streams");
  httplib::Server* raw = &server.raw();
  ApiProxy* proxy_ptr = &proxy;
  EventHub* hub_ptr = &hub;
  server.get("/api/v1/events", [=](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = proxy_ptr->resolve_user(req, res);
    if (!user_id) throw http::ProblemError(401, "Unauthorized", "sign in to receive live updates");
    std::optional<std::string> last_id;
    if (req.has_header("Last-Event-ID")) {
      last_id = req.get_header_value("Last-Event-ID");
    } else if (req.has_param("last_event_id")) {
      last_id = req.get_param_value("last_event_id");
    }
    // Shared by the provider and the releaser; the releaser closes the stream when the
    // connection ends (the provider is never called after it).
    bool user_at_limit = false;
    auto stream =
        std::make_shared<std::unique_ptr<Stream>>(hub_ptr->open(*user_id, last_id, &user_at_limit));
    if (user_at_limit) {
      res.set_header("Retry-After", "30");
      throw http::ProblemError(429, "Too many streams",
                               "this account already has as many live streams open as it may; "
                               "close a tab or window");
    }
    if (!*stream) {
      res.set_header("Retry-After", "5");
      throw http::ProblemError(503, "Too many streams",
                               "the server holds as many live streams as it can; retrying");
    }
    open_gauge->set(static_cast<double>(hub_ptr->open_streams()));
    // A compressor would hold events back until its buffer fills.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    res.set_header("Cache-Control", "no-cache, no-store");
    res.set_header("X-Accel-Buffering", "no");
    auto last_write = std::make_shared<std::chrono::steady_clock::time_point>();
    auto started = std::make_shared<bool>(false);
    res.set_chunked_content_provider(
        "text/event-stream",
        [stream, last_write, started, options, raw, sent, hub_ptr](size_t,
                                                                   httplib::DataSink& sink) {
          auto write = [&](const std::string& text) {
            *last_write = std::chrono::steady_clock::now();
            return sink.write(text.data(), text.size());
          };
          if (!*started) {
            *started = true;
            const std::string hello =
                "retry: " + std::to_string(options.retry_ms) +
                "\n\nevent: ready\ndata: " + nlohmann::json{{"epoch", hub_ptr->epoch()}}.dump() +
                "\n\n";
            return write(hello);
          }
          if (!raw->is_running()) {
            sink.done();
            return true;
          }
          std::vector<StreamEvent> events;
          if ((*stream)->wait(events, options.poll)) {
            std::string out;
            for (const auto& ev : events) out += format_sse(ev);
            sent->inc(static_cast<double>(events.size()));
            return write(out);
          }
          if (std::chrono::steady_clock::now() - *last_write >= options.heartbeat)
            return write(": ping\n\n");
          return sink.is_writable();
        },
        [stream, open_gauge, hub_ptr](bool) {
          stream->reset();
          open_gauge->set(static_cast<double>(hub_ptr->open_streams()));
        });
  });
}

}  // namespace todo::frontend
