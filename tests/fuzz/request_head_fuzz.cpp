// The connection gate's judgement of a request head (services/frontend/request_head.hpp): Beast
// parses, the gate's own rules check the framing headers. A complete head is accepted, 400 or
// 431, and a refusal says why. Nothing may throw.
#include "fuzz_util.hpp"
#include "request_head.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = todo::fuzz::text(data, size);
  const auto check = todo::frontend::check_request_head(input, 1024);
  if (!check.complete) {
    FUZZ_CHECK(check.verdict.status == 0);
    return 0;
  }
  const int status = check.verdict.status;
  FUZZ_CHECK(status == 0 || status == 400 || status == 431);
  FUZZ_CHECK((status == 0) == check.verdict.reason.empty());
  return 0;
}
