// RFC 3339 instants (libs/time/rfc3339.hpp): parse_rfc3339 on any text. What it accepts must be
// written back by format_rfc3339 as text it reads as the same instant.
#include "fuzz_util.hpp"
#include "time/rfc3339.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace time = todo::time;
  const auto instant = time::parse_rfc3339(todo::fuzz::text(data, size));
  if (!instant) {
    FUZZ_CHECK(!instant.error().empty());
    return 0;
  }
  const std::string written = time::format_rfc3339(*instant);
  const auto again = time::parse_rfc3339(written);
  if (!again)
    std::fprintf(stderr, "format_rfc3339 wrote %s: %s\n", written.c_str(), again.error().c_str());
  FUZZ_CHECK(again.ok() && *again == *instant);
  return 0;
}
