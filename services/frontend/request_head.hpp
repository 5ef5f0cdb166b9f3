#pragma once
// What the connection gate accepts as a request head before anything reaches cpp-httplib.
// Beast parses (and refuses what is malformed, including two different Content-Length
// values); these rules add what cpp-httplib was lenient about, so that the gate and the server
// behind it can never disagree about where a request ends (request smuggling): exactly one
// Content-Length with one value, no Content-Length beside Transfer-Encoding, and a
// Transfer-Encoding that ends with chunked (RFC 9112 6.1 and 6.3: anything else is 400).
#include <boost/beast/http/fields.hpp>
#include <boost/system/error_code.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace todo::frontend {

// About 8 KiB per line was what cpp-httplib 0.11 took (request target and each header line up
// to 8192 bytes, any number of lines); the gate bounds the whole head instead.
inline constexpr std::uint32_t kMaxRequestHead = 16 * 1024;

struct HeadVerdict {
  int status = 0;      // 0: acceptable; else the status to answer before closing (400, 431)
  std::string reason;  // for the answer's detail and the log
};

// The answer to a head that Beast refused while parsing it.
HeadVerdict verdict_for_parse_error(const boost::system::error_code& ec);
// The answer to a head Beast parsed: its framing headers checked.
HeadVerdict verdict_for_fields(const boost::beast::http::fields& fields);

struct HeadCheck {
  bool complete = false;  // false: more bytes were needed (verdict then empty)
  HeadVerdict verdict;
};
// Parses `bytes` as a request head with the gate's rules: for the unit tests and the fuzzer.
HeadCheck check_request_head(std::string_view bytes, std::uint32_t max_head = kMaxRequestHead);

}  // namespace todo::frontend
