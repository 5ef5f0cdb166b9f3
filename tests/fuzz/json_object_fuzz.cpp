// todo::http::parse_json_object (libs/http/problem.hpp): every JSON request body of every route.
// The first byte picks the Content-Type header; the rest is the body. Bad input is a 400 or 415
// ProblemError, nothing else.
#include <httplib.h>

#include <array>

#include "fuzz_util.hpp"
#include "http/problem.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::array<const char*, 5> kTypes = {"", "application/json",
                                                    "application/json; charset=utf-8", "text/plain",
                                                    "application/merge-patch+json"};
  httplib::Request req;
  if (const char* type = kTypes[data[0] % kTypes.size()]; *type)
    req.set_header("Content-Type", type);
  req.body = todo::fuzz::text(data + 1, size - 1);
  nlohmann::json body;
  try {
    body = todo::http::parse_json_object(req);
  } catch (const todo::http::ProblemError& e) {
    FUZZ_CHECK(e.status() == 400 || e.status() == 415);
    return 0;
  }
  FUZZ_CHECK(body.is_object());
  return 0;
}
