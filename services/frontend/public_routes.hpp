#pragma once
// The public door's allow-list: which /api routes the frontend forwards, to which app, and
// the exact target it sends. The target is rebuilt from a checked path, never copied from the
// request, because the sidecar cleans dot segments and decodes escapes in an invocation path:
// `/api/../events/task-commands` would otherwise reach a pub/sub route of task-service.
#include <string>
#include <variant>

namespace todo::frontend {

struct PublicRoute {
  std::string app;     // the app id to invoke
  std::string target;  // the checked path plus the caller's query string
};

struct RouteRefusal {
  int status;  // 400 (unsafe path), 404 (not a public route), 405 (route without that method)
  std::string detail;
};

// Checks a raw request target ("/api/v1/tasks/ID?x=1") against the allow-list. Refused with
// 400: escapes ('%'), backslashes, empty, "." or ".." segments, and control characters.
std::variant<PublicRoute, RouteRefusal> route_public_request(const std::string& method,
                                                             const std::string& raw_target);

// The 400 check alone, for the routes the frontend answers itself.
bool is_clean_api_path(const std::string& raw_path);

}  // namespace todo::frontend
