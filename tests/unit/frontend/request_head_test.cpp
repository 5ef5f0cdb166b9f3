#include "request_head.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace todo::frontend;

namespace {

int status_of(const std::string& head) {
  const auto check = check_request_head(head);
  REQUIRE(check.complete);
  return check.verdict.status;
}

}  // namespace

TEST_CASE("ordinary request heads pass the gate", "[frontend][gate]") {
  CHECK(status_of("GET /api/v1/tasks HTTP/1.1\r\nHost: x\r\n\r\n") == 0);
  CHECK(status_of("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n") == 0);
  CHECK(status_of("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n") == 0);
  CHECK(status_of("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") == 0);
  CHECK(status_of("GET / HTTP/1.0\r\n\r\n") == 0);
}

TEST_CASE("a head still arriving is not judged", "[frontend][gate]") {
  CHECK_FALSE(check_request_head("GET /api/v1/tasks HTTP/1.1\r\nHost: x\r\n").complete);
  CHECK_FALSE(check_request_head("").complete);
}

TEST_CASE("ambiguous framing is refused with 400", "[frontend][gate]") {
  // Two Content-Length values, equal or not, or a list.
  CHECK(status_of("POST /x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n") == 400);
  CHECK(status_of("POST /x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n") == 400);
  CHECK(status_of("POST /x HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\n") == 400);
  CHECK(status_of("POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == 400);
  // Transfer-Encoding beside Content-Length, in either order.
  CHECK(status_of("POST /x HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n") ==
        400);
  CHECK(status_of("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n") ==
        400);
  CHECK(status_of("POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\n") ==
        400);
  // A request body whose end only the closing of the connection would tell.
  CHECK(status_of("POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") == 400);
  CHECK(status_of("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") == 400);
  CHECK(status_of("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n") == 400);
}

TEST_CASE("malformed heads are 400 and oversized ones 431", "[frontend][gate]") {
  CHECK(status_of("GET /x HTTP/1.1\r\nBad Header: x\r\n\r\n") == 400);
  CHECK(status_of("GET /x HTTP/9.9 extra\r\n\r\n") == 400);
  CHECK(status_of("GET /x HTTP/1.1\r\nHost: " + std::string(kMaxRequestHead, 'a') + "\r\n\r\n") ==
        431);
  // A long target that cpp-httplib would still judge (414) fits.
  CHECK(status_of("GET /" + std::string(8000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n") == 0);
}
