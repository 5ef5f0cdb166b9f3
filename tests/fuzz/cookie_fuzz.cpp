// The frontend's session cookies (services/frontend/session.hpp): parse_cookies and cookie_value
// on any Cookie header, and bearer_token on the same text as an Authorization header. Pure
// functions: nothing may throw.
#include "fuzz_util.hpp"
#include "session.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace frontend = todo::frontend;
  const std::string header = todo::fuzz::text(data, size);
  const auto cookies = frontend::parse_cookies(header);
  for (const auto& [name, value] : cookies) {
    FUZZ_CHECK(!name.empty() && name.size() <= header.size() && value.size() <= header.size());
  }
  for (const char* name : {frontend::kAccessCookie, frontend::kRefreshCookie}) {
    const auto value = frontend::cookie_value(header, name);
    const auto it = cookies.find(name);
    FUZZ_CHECK(value.has_value() == (it != cookies.end() && !it->second.empty()));
    if (value) FUZZ_CHECK(*value == it->second);
  }
  const std::string token = frontend::bearer_token(header);
  FUZZ_CHECK(token.size() <= header.size());
  return 0;
}
