// Snooze bodies (libs/tasks/snooze.hpp): POST /api/v1/tasks/{id}/snooze and notification-service's
// POST /api/v1/notifications/{id}/snooze (inbox_routes.cpp; its only body parser) both run
// parse_snooze, then the task gets the reminder (apply_snooze). Bad input is the 422.
#include "fuzz_util.hpp"
#include "http/problem.hpp"
#include "tasks/snooze.hpp"
#include "tasks/task_json.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace tasks = todo::tasks;
  const nlohmann::json body = todo::fuzz::json_body(data, size);
  const auto now = todo::fuzz::fixed_now();
  todo::fuzz::documented<todo::errors::ValidationFailed>([&] {
    const auto until = tasks::parse_snooze(body, todo::fuzz::kZone, now);
    FUZZ_CHECK(until > now);
    tasks::Task task;
    task.id = "0b3f8e39-5c1e-4a4e-9a57-2d0c7c2b2a11";
    task.user_id = "6f0e3c1a-8f6b-4b1e-bb0e-2f5a9f1d9c22";
    task.title = "Call the bank";
    task.time_zone = todo::fuzz::kZone;
    task.created_at = task.updated_at = now;
    task.version = 1;
    FUZZ_CHECK(tasks::apply_snooze(task, until, now));
    FUZZ_CHECK(tasks::task_from_json(tasks::to_json(task)) == task);
  });
  return 0;
}
