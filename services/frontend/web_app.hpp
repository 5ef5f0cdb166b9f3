#pragma once
// Serves the built single-page app: hashed assets with a year-long cache, index.html (and every
// client-side route, so a reload of /tasks/123 works) with no-cache, so a new build shows at once.
#include <string>

#include "http/server.hpp"

namespace todo::frontend {

// True for the paths the app routes in the browser (answered with index.html).
bool is_app_route(const std::string& path);

// Mounts `web_root` (a Vite build: index.html + assets/). Returns false when it has no
// index.html (the API still works then).
bool install_web_app(http::Server& server, const std::string& web_root);

}  // namespace todo::frontend
