// The frontend's public door (services/frontend/public_routes.hpp): route_public_request on a
// method and a raw request target, split at the first newline of the input. An accepted target
// is a clean /api/ path the allow-list names, plus the query unchanged; a refusal is 400, 404 or
// 405. Nothing may throw.
#include <variant>

#include "fuzz_util.hpp"
#include "public_routes.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace frontend = todo::frontend;
  const std::string input = todo::fuzz::text(data, size);
  const auto newline = input.find('\n');
  const std::string method = newline == std::string::npos ? "GET" : input.substr(0, newline);
  const std::string target = newline == std::string::npos ? input : input.substr(newline + 1);
  const auto routed = frontend::route_public_request(method, target);
  if (const auto* route = std::get_if<frontend::PublicRoute>(&routed)) {
    FUZZ_CHECK(route->target == target);
    FUZZ_CHECK(frontend::is_clean_api_path(target.substr(0, target.find('?'))));
    FUZZ_CHECK(route->app == "task-service" || route->app == "notification-service");
  } else {
    const int status = std::get<frontend::RouteRefusal>(routed).status;
    FUZZ_CHECK(status == 400 || status == 404 || status == 405);
  }
  (void)frontend::is_clean_api_path(target);
  return 0;
}
