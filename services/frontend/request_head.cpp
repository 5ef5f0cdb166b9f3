#include "request_head.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

namespace todo::frontend {
namespace http = boost::beast::http;

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The last coding of a Transfer-Encoding list ("gzip, chunked" -> "chunked").
std::string_view last_coding(std::string_view value) {
  const auto comma = value.rfind(',');
  return trim(comma == std::string_view::npos ? value : value.substr(comma + 1));
}

}  // namespace

HeadVerdict verdict_for_parse_error(const boost::system::error_code& ec) {
  if (ec == http::error::header_limit) {
    return {431, "the request head is larger than " + std::to_string(kMaxRequestHead) + " bytes"};
  }
  if (ec == http::error::bad_content_length) return {400, "bad or conflicting Content-Length"};
  if (ec == http::error::bad_transfer_encoding) {
    return {400, "Transfer-Encoding repeated or beside Content-Length"};
  }
  return {400, "malformed request head (" + ec.message() + ")"};
}

HeadVerdict verdict_for_fields(const http::fields& fields) {
  std::size_t lengths = 0;
  std::size_t encodings = 0;
  std::string_view encoding;
  for (const auto& field : fields) {
    if (field.name() == http::field::content_length) {
      ++lengths;
      if (field.value().find(',') != std::string_view::npos) {
        return {400, "Content-Length must be one number"};
      }
    } else if (field.name() == http::field::transfer_encoding) {
      ++encodings;
      encoding = std::string_view(field.value().data(), field.value().size());
    }
  }
  if (lengths > 1) return {400, "more than one Content-Length"};
  if (encodings > 1) return {400, "more than one Transfer-Encoding"};
  if (encodings == 1 && lengths == 1) return {400, "both Transfer-Encoding and Content-Length"};
  if (encodings == 1 && !iequals(last_coding(encoding), "chunked")) {
    return {400, "a request's Transfer-Encoding must end with chunked"};
  }
  return {};
}

HeadCheck check_request_head(std::string_view bytes, std::uint32_t max_head) {
  http::request_parser<http::empty_body> parser;
  parser.header_limit(max_head);
  parser.eager(false);
  boost::system::error_code ec;
  std::size_t used = 0;
  while (!parser.is_header_done()) {
    const auto n = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec == http::error::need_more) return {};
    if (ec) return {true, verdict_for_parse_error(ec)};
    if (n == 0) return {};
  }
  return {true, verdict_for_fields(parser.get().base())};
}

}  // namespace todo::frontend
