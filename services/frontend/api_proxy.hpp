#pragma once
// Forwards the browser's /api/* calls to the backend apps by Dapr service invocation, so the
// browser talks to one origin and the backends stay reachable only through their sidecars.
#include <string>

#include "dapr/client.hpp"
#include "http/server.hpp"

namespace todo::frontend {

// Which app answers a given /api path ("task-service" or "notification-service").
std::string backend_for(const std::string& path);

void install_api_proxy(http::Server& server, dapr::Client& dapr);

}  // namespace todo::frontend
