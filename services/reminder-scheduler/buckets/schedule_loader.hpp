#pragma once
// Start-up: rebuilds the in-memory schedule from every bucket of the instance's slice, read with
// bulk gets of known keys (bucket_layout.hpp), several batches at a time.
#include <cstddef>

#include "dapr/state_store.hpp"
#include "runtime/slice.hpp"
#include "schedule/schedule.hpp"

namespace todo::reminder_scheduler {

// Each bulk get's answer is parsed whole before its tasks are scheduled, so batch size times
// parallelism bounds the load's transient memory. Measured at a million pending reminders
// (~20 KB of JSON per bucket): 50 keys x 2 in flight peak ~15 MB above the schedule itself,
// 200 x 2 ~70 MB (docs/reminders.md). Small batches only add round trips: 16384 keys are
// 328 bulk gets, two at a time.
struct LoadOptions {
  std::size_t keys_per_get = 50;
  std::size_t parallel_gets = 2;
};

struct LoadStats {
  std::size_t buckets = 0;  // buckets that exist
  std::size_t tasks = 0;    // tasks with pending firings
  std::size_t firings = 0;  // pending firings scheduled
};

// Throws what the store throws (the caller retries: nothing is half-applied that a second load
// would not simply overwrite).
LoadStats load_schedule(dapr::StateStore& store, const Slice& slice, Schedule& schedule,
                        const LoadOptions& options = {});

}  // namespace todo::reminder_scheduler
