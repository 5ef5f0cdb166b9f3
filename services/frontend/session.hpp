#pragma once
// The browser session: the access and refresh tokens live in HttpOnly cookies the page's
// scripts cannot read. These are the pure parts (cookie parsing and writing, the CSRF rule),
// kept apart from the proxy so unit tests can pin them down.
#include <map>
#include <optional>
#include <string>

namespace todo::frontend {

inline constexpr const char* kAccessCookie = "todo_at";
inline constexpr const char* kRefreshCookie = "todo_rt";
// The header the web app sends on every call. Its presence on login/signup asks for a cookie
// session, and a cookie-authenticated mutation without it is refused (CSRF: a cross-site form
// cannot set custom headers, and SameSite=Lax already keeps the cookies off cross-site POSTs).
inline constexpr const char* kClientHeader = "X-Requested-With";

// Parses a Cookie request header ("a=1; b=2") into name -> value (first occurrence wins).
std::map<std::string, std::string> parse_cookies(const std::string& header);

// The value of one cookie in a Cookie header, or nullopt.
std::optional<std::string> cookie_value(const std::string& header, const std::string& name);

struct CookieSpec {
  std::string name;
  std::string value;
  long max_age_seconds = 0;  // 0 with an empty value: a deletion
  bool secure = false;       // only over TLS (the request came over https)
  std::string path = "/api/";
};

// A Set-Cookie value: HttpOnly, SameSite=Lax, Path, Max-Age, and Secure when asked.
std::string set_cookie_header(const CookieSpec& spec);

// A Set-Cookie value that deletes the cookie (Max-Age=0).
std::string clear_cookie_header(const std::string& name, bool secure);

// True when the request reached us over TLS: a TLS listener, or a proxy that says so in
// X-Forwarded-Proto (the ingress terminates TLS in a cluster).
bool came_over_tls(const std::string& forwarded_proto);

// True for methods that change something (everything but GET, HEAD, OPTIONS).
bool is_mutation(const std::string& method);

// The CSRF rule for cookie-authenticated calls: mutations need the client header.
bool csrf_ok(const std::string& method, bool has_client_header);

// The bearer token of an Authorization header ("Bearer x", scheme case-insensitive), or "".
std::string bearer_token(const std::string& authorization);

}  // namespace todo::frontend
