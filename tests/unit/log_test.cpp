#include "log/log.hpp"

#include <catch2/catch.hpp>

TEST_CASE("trace id is taken from a W3C traceparent", "[log]") {
  using todo::log::trace_id_from_traceparent;
  CHECK(trace_id_from_traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") ==
        "0af7651916cd43dd8448eb211c80319c");
  CHECK(trace_id_from_traceparent("").empty());
  CHECK(trace_id_from_traceparent("00-zzzz").empty());
  CHECK(
      trace_id_from_traceparent("00-0af7651916cd43dd8448eb211c80319X-b7ad6b7169203331-01").empty());
}
