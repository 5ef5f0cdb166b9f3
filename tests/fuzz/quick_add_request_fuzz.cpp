// POST /api/v1/quick-add (services/task-service/api/quick_add.hpp): the request parser, then the
// answer it builds (libs/quickadd plus the recurrence summary and next occurrences). Bad input is
// the errors::ValidationFailed (the API's 422); an accepted request must be answered without
// throwing, and when the answer has no warnings its "task" is a create body POST /api/v1/tasks
// accepts (the web app sends it there as it is).
#include "api/quick_add.hpp"
#include "fuzz_util.hpp"
#include "http/problem.hpp"
#include "tasks/task_input.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace svc = todo::tasksvc;
  const nlohmann::json body = todo::fuzz::json_body(data, size);
  todo::fuzz::documented<todo::errors::ValidationFailed>([&] {
    const svc::QuickAddRequest request = svc::parse_quick_add_request(body, todo::fuzz::kZone);
    const nlohmann::json answer = svc::quick_add(request, todo::fuzz::fixed_now());
    FUZZ_CHECK(answer.at("task").at("title").is_string());
    if (answer.at("warnings").empty()) {
      try {
        (void)todo::tasks::parse_task_create(answer.at("task"), request.zone,
                                             todo::fuzz::fixed_now());
      } catch (const todo::errors::ValidationFailed& e) {
        std::fprintf(stderr, "the create refuses %s: %s\n", answer.at("task").dump().c_str(),
                     e.what());
        std::abort();
      }
    }
  });
  return 0;
}
