// Task create and PATCH bodies (libs/tasks/task_input.hpp): parse_task_create, task_from_draft,
// parse_task_patch and apply_patch, as POST and PATCH /api/v1/tasks run them. Bad input is the
// errors::ValidationFailed (the API's 422). A task they accept must survive its own event snapshot
// (to_json, then task_from_json), which is what every consumer of task events reads.
#include "fuzz_util.hpp"
#include "http/problem.hpp"
#include "tasks/task_input.hpp"
#include "tasks/task_json.hpp"

namespace {

using todo::errors::ValidationFailed;
namespace tasks = todo::tasks;

constexpr const char* kTaskId = "0b3f8e39-5c1e-4a4e-9a57-2d0c7c2b2a11";
constexpr const char* kUserId = "6f0e3c1a-8f6b-4b1e-bb0e-2f5a9f1d9c22";

void check_snapshot(const tasks::Task& task) {
  FUZZ_CHECK(tasks::task_from_json(tasks::to_json(task)) == task);
}

// The task a PATCH applies to: due, a reminder of each kind, weekly.
const tasks::Task& existing_task() {
  static const tasks::Task kTask = [] {
    const auto body = nlohmann::json::parse(R"({
      "title": "Water the plants", "priority": "high", "tags": ["home"],
      "due": "2026-03-03T18:00", "reminders": [{"before": "PT1H"}, {"at": "2026-03-02T08:00:00Z"}],
      "recurrence": {"rrule": "FREQ=WEEKLY;BYDAY=TU"}})");
    const auto draft = tasks::parse_task_create(body, todo::fuzz::kZone, todo::fuzz::fixed_now());
    return tasks::task_from_draft(draft, kTaskId, kUserId, todo::fuzz::fixed_now());
  }();
  return kTask;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json body = todo::fuzz::json_body(data, size);
  const auto now = todo::fuzz::fixed_now();
  todo::fuzz::documented<ValidationFailed>([&] {
    const auto draft = tasks::parse_task_create(body, todo::fuzz::kZone, now);
    check_snapshot(tasks::task_from_draft(draft, kTaskId, kUserId, now));
  });
  todo::fuzz::documented<ValidationFailed>([&] {
    const auto patch = tasks::parse_task_patch(body);
    tasks::Task task = existing_task();
    tasks::apply_patch(task, patch, now + std::chrono::hours(1));
    check_snapshot(task);
  });
  return 0;
}
