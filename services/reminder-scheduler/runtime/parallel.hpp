#pragma once
// Runs independent jobs on a few threads and waits for all of them: the firing loop publishes
// chunks of due reminders side by side, the recorder writes buckets side by side, and start-up
// reads batches of buckets side by side. Threads live for one call; at one call per second or
// less their start-up cost does not matter.
#include <cstddef>
#include <functional>
#include <vector>

namespace todo::reminder_scheduler {

// Each job handles its own errors: an exception escaping a job terminates the process.
void run_parallel(const std::vector<std::function<void()>>& jobs, std::size_t max_threads);

}  // namespace todo::reminder_scheduler
