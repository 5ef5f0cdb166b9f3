#include "security_headers.hpp"

#include "session.hpp"

namespace todo::frontend {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace

void add_security_headers(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  if (came_over_tls(req.get_header_value("X-Forwarded-Proto"))) {
    res.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}

}  // namespace todo::frontend
