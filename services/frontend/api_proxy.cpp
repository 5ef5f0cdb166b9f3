#include "api_proxy.hpp"

#include <spdlog/spdlog.h>

#include "http/problem.hpp"

namespace todo::frontend {

std::string backend_for(const std::string& path) {
  if (path.rfind("/api/v1/notifications", 0) == 0) return "notification-service";
  return "task-service";
}

void install_api_proxy(http::Server& server, dapr::Client& dapr) {
  auto forward = [&dapr](const httplib::Request& req, httplib::Response& res) {
    const std::string app = backend_for(req.path);
    // req.target keeps the raw query string, so filters reach the backend unchanged.
    std::map<std::string, std::string> headers;
    for (const char* name : {"Authorization", "If-Match", "Accept"}) {
      if (req.has_header(name)) headers[name] = req.get_header_value(name);
    }
    const std::string content_type = req.get_header_value("Content-Type");
    try {
      auto r = dapr.invoke(app, req.target, req.method, req.body,
                           content_type.empty() ? "application/json" : content_type, headers);
      const bool dapr_failed =
          r.status == 500 && r.body.find("\"errorCode\":\"ERR_") != std::string::npos;
      if (dapr_failed) {
        spdlog::warn("invoking {} failed in Dapr: {}", app, r.body.substr(0, 300));
        http::send_problem(res, 502, "Bad gateway", app + " is not reachable right now");
        return;
      }
      res.status = r.status;
      for (const char* name : {"etag", "location", "www-authenticate", "cache-control"}) {
        auto h = r.headers.find(name);
        if (h != r.headers.end()) res.set_header(name, h->second);
      }
      res.set_content(r.body, r.content_type.empty() ? "application/json" : r.content_type);
    } catch (const dapr::DaprError& e) {
      spdlog::warn("invoking {} failed: {}", app, e.what());
      http::send_problem(res, 502, "Bad gateway", "the sidecar is not reachable right now");
    }
  };
  const std::string pattern = R"(/api/.*)";
  server.get(pattern, forward);
  server.post(pattern, forward);
  server.put(pattern, forward);
  server.patch(pattern, forward);
  server.del(pattern, forward);
}

}  // namespace todo::frontend
