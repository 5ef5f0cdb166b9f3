#include "public_routes.hpp"

#include <algorithm>
#include <array>
#include <regex>

namespace todo::frontend {
namespace {

constexpr const char* kTaskService = "task-service";
constexpr const char* kNotificationService = "notification-service";

struct AllowedRoute {
  const char* methods;  // space separated
  std::regex path;
  const char* app;
};

// One row per path of docs/api/openapi.yaml that the backends answer (/api/v1/events is the
// frontend's own). A task id is a UUID; an inbox item id is what notification-service makes.
const std::array<AllowedRoute, 14>& allowed_routes() {
  static const std::string kTask = "/api/v1/tasks/[0-9A-Fa-f-]{1,64}";
  static const std::string kNotice = "/api/v1/notifications/[A-Za-z0-9:._-]{1,200}";
  static const std::array<AllowedRoute, 14> kRoutes = {{
      {"POST", std::regex("/api/v1/auth/(signup|login|refresh|logout|verify-email)"), kTaskService},
      {"GET PATCH", std::regex("/api/v1/me"), kTaskService},
      {"POST", std::regex("/api/v1/me/email-verification"), kTaskService},
      {"GET POST", std::regex("/api/v1/tasks"), kTaskService},
      {"GET PATCH DELETE", std::regex(kTask), kTaskService},
      {"POST", std::regex(kTask + "/(complete|reopen|snooze)"), kTaskService},
      {"GET", std::regex(kTask + "/history"), kTaskService},
      {"POST", std::regex("/api/v1/recurrence/preview"), kTaskService},
      {"POST", std::regex("/api/v1/quick-add"), kTaskService},
      {"GET", std::regex("/api/v1/tags"), kTaskService},
      {"GET", std::regex("/api/v1/version"), kTaskService},
      {"GET", std::regex("/api/v1/notifications"), kNotificationService},
      {"POST", std::regex("/api/v1/notifications/read-all"), kNotificationService},
      {"POST", std::regex(kNotice + "/(read|dismiss|snooze)"), kNotificationService},
  }};
  return kRoutes;
}

bool method_listed(const char* methods, const std::string& method) {
  const std::string list = std::string(" ") + methods + " ";
  return !method.empty() && list.find(" " + method + " ") != std::string::npos;
}

}  // namespace

bool is_clean_api_path(const std::string& raw_path) {
  if (raw_path.rfind("/api/", 0) != 0) return false;
  std::size_t segment_start = 1;
  for (std::size_t i = 1; i <= raw_path.size(); ++i) {
    if (i < raw_path.size()) {
      const auto c = static_cast<unsigned char>(raw_path[i]);
      if (c == '%' || c == '\\' || c < 0x21 || c >= 0x7f) return false;
      if (c != '/') continue;
    }
    const std::string segment = raw_path.substr(segment_start, i - segment_start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    segment_start = i + 1;
  }
  return true;
}

std::variant<PublicRoute, RouteRefusal> route_public_request(const std::string& method,
                                                             const std::string& raw_target) {
  const auto query_at = raw_target.find('?');
  const std::string path = raw_target.substr(0, query_at);
  const std::string query = query_at == std::string::npos ? "" : raw_target.substr(query_at);
  if (!is_clean_api_path(path)) {
    return RouteRefusal{400,
                        "the path must be plain: no escapes, backslashes, empty, '.' or '..' "
                        "segments"};
  }
  for (unsigned char c : query) {
    if (c < 0x21 || c >= 0x7f || c == '#') {
      return RouteRefusal{400, "the query string has characters that must be escaped"};
    }
  }
  const auto& routes = allowed_routes();
  const auto route = std::find_if(routes.begin(), routes.end(), [&path](const AllowedRoute& r) {
    return std::regex_match(path, r.path);
  });
  if (route == routes.end()) return RouteRefusal{404, "no public route " + path};
  if (!method_listed(route->methods, method)) {
    return RouteRefusal{405, method + " is not allowed on " + path};
  }
  return PublicRoute{route->app, path + query};
}

}  // namespace todo::frontend
