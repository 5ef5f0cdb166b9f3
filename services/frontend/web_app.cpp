#include "web_app.hpp"

#include <fstream>
#include <sstream>

namespace todo::frontend {
namespace {

constexpr const char* kAppRoutes[] = {"/login",    "/signup", "/inbox",
                                      "/settings", "/tasks",  "/verify-email"};

}  // namespace

bool is_app_route(const std::string& path) {
  if (path == "/" || path == "/index.html") return true;
  for (const char* route : kAppRoutes) {
    const std::string r = route;
    if (path == r || path.rfind(r + "/", 0) == 0) return true;
  }
  return false;
}

bool install_web_app(http::Server& server, const std::string& web_root) {
  const std::string index_path = web_root + "/index.html";
  if (!std::ifstream(index_path).good()) return false;
  // The browser loads these without the sidecar's token; everything else is Dapr's.
  server.allow_without_token("/assets/");
  server.allow_exact_without_token("/favicon.svg");
  for (const char* route : kAppRoutes) {
    server.allow_exact_without_token(route);
    server.allow_without_token(std::string(route) + "/");
  }
  server.allow_exact_without_token("/");
  server.allow_exact_without_token("/index.html");

  auto& raw = server.raw();
  // File names under assets/ carry a content hash: they never change, so cache them for good.
  raw.set_mount_point("/assets", web_root + "/assets",
                      {{"Cache-Control", "public, max-age=31536000, immutable"}});
  raw.set_mount_point("/", web_root, {{"Cache-Control", "no-cache"}});
  auto serve_index = [index_path](const httplib::Request&, httplib::Response& res) {
    std::ifstream in(index_path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    res.set_header("Cache-Control", "no-cache");
    res.set_content(buf.str(), "text/html; charset=utf-8");
  };
  for (const char* route : kAppRoutes) {
    server.get(std::string(route) + "(/.*)?", serve_index);
  }
  return true;
}

}  // namespace todo::frontend
