// POST /api/v1/recurrence/preview (services/task-service/api/recurrence_preview.hpp): the request
// parser (rrule or preset, dtstart, tz, count), then the expansion it answers with. Bad input is
// the errors::ValidationFailed (the API's 422); an accepted request must expand without throwing.
#include "api/recurrence_preview.hpp"
#include "fuzz_util.hpp"
#include "http/problem.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace svc = todo::tasksvc;
  const nlohmann::json body = todo::fuzz::json_body(data, size);
  todo::fuzz::documented<todo::errors::ValidationFailed>([&] {
    const svc::PreviewRequest request = svc::parse_preview_request(body, "America/New_York");
    const nlohmann::json answer = svc::preview(request);
    FUZZ_CHECK(answer.at("occurrences").size() <= static_cast<std::size_t>(request.count));
  });
  return 0;
}
