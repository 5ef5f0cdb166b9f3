// ISO 8601 durations (libs/time/iso_duration.hpp): parse_iso8601_duration on any text. What it
// accepts is non-negative and written back by format_iso8601_duration as text that reads the
// same (the header promises parse(format(x)) == x).
#include "fuzz_util.hpp"
#include "time/iso_duration.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace time = todo::time;
  const auto duration = time::parse_iso8601_duration(todo::fuzz::text(data, size));
  if (!duration) {
    FUZZ_CHECK(!duration.error().empty());
    return 0;
  }
  FUZZ_CHECK(duration->count() >= 0);
  const std::string written = time::format_iso8601_duration(*duration);
  const auto again = time::parse_iso8601_duration(written);
  if (!again) std::fprintf(stderr, "format wrote %s: %s\n", written.c_str(), again.error().c_str());
  FUZZ_CHECK(again.ok() && *again == *duration);
  return 0;
}
