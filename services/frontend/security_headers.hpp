#pragma once
// What the public door tells browsers on every answer: a strict Content-Security-Policy (the
// web app is built without inline script or style), no MIME sniffing, no framing, no referrer
// beyond the origin, HSTS behind TLS, and no caching of API answers (they carry user data).
#include <httplib.h>

namespace todo::frontend {

void add_security_headers(const httplib::Request& req, httplib::Response& res);

}  // namespace todo::frontend
