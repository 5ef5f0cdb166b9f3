#include "session.hpp"

#include <algorithm>
#include <cctype>

namespace todo::frontend {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::map<std::string, std::string> parse_cookies(const std::string& header) {
  std::map<std::string, std::string> out;
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    const std::string pair = header.substr(start, end - start);
    const auto eq = pair.find('=');
    if (eq != std::string::npos) {
      const std::string name = trim(pair.substr(0, eq));
      std::string value = trim(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      if (!name.empty()) out.emplace(name, value);
    }
    start = end + 1;
  }
  return out;
}

std::optional<std::string> cookie_value(const std::string& header, const std::string& name) {
  const auto cookies = parse_cookies(header);
  const auto it = cookies.find(name);
  if (it == cookies.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string set_cookie_header(const CookieSpec& spec) {
  std::string out = spec.name + "=" + spec.value + "; Path=" + spec.path +
                    "; Max-Age=" + std::to_string(spec.max_age_seconds) +
                    "; HttpOnly; SameSite=Lax";
  if (spec.secure) out += "; Secure";
  return out;
}

std::string clear_cookie_header(const std::string& name, bool secure) {
  return set_cookie_header({name, "", 0, secure});
}

bool came_over_tls(const std::string& forwarded_proto) {
  return lower(trim(forwarded_proto)) == "https";
}

bool is_mutation(const std::string& method) {
  return !(method == "GET" || method == "HEAD" || method == "OPTIONS");
}

bool csrf_ok(const std::string& method, bool has_client_header) {
  return !is_mutation(method) || has_client_header;
}

std::string bearer_token(const std::string& authorization) {
  const std::string value = trim(authorization);
  if (value.size() < 7 || lower(value.substr(0, 7)) != "bearer ") return "";
  return trim(value.substr(7));
}

}  // namespace todo::frontend
