#pragma once
// GET /api/v1/events: the live updates of the signed-in user as server-sent events, fed by the
// frontend's subscription to task-updates (docs/frontend.md).
#include <chrono>

#include "api_proxy.hpp"
#include "dapr/subscriber.hpp"
#include "event_hub.hpp"
#include "http/server.hpp"
#include "metrics/metrics.hpp"

namespace todo::frontend {

struct StreamOptions {
  std::chrono::milliseconds heartbeat{15000};
  std::chrono::milliseconds poll{500};  // how often a waiting stream checks for shutdown
  int retry_ms = 2000;                  // the browser's reconnect delay (SSE "retry:")
};

// The SSE "data" of one task-updates CloudEvent: {"type", "id", "data"}; the hub key is
// data.user_id. Returns false (and leaves the outputs alone) when the event names no user.
bool update_for_browser(const dapr::CloudEvent& ev, std::string& user_id, std::string& data);

void install_event_stream(http::Server& server, ApiProxy& proxy, EventHub& hub,
                          metrics::Registry& registry, StreamOptions options = {});

// The task-updates handler: each event goes to the streams of the user it names.
dapr::Subscriber::Handler task_updates_handler(EventHub& hub, metrics::Registry& registry);

}  // namespace todo::frontend
