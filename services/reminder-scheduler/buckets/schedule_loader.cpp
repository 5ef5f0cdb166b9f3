#include "buckets/schedule_loader.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <mutex>

#include "buckets/bucket.hpp"
#include "buckets/bucket_layout.hpp"
#include "runtime/parallel.hpp"

namespace todo::reminder_scheduler {
namespace {

LoadStats load_bucket(const std::string& key, const dapr::StoredValue& stored, Schedule& schedule) {
  std::vector<std::string> problems;
  const Bucket bucket = bucket_from_json(stored.value, &problems);
  for (const auto& problem : problems) spdlog::warn("bucket {}: skipping {}", key, problem);
  LoadStats stats;
  stats.buckets = 1;
  for (const auto& [task_id, task] : bucket.tasks) {
    // The recorder removes a firing from the pending list in the same write that records it;
    // this check only makes sure nothing recorded is ever loaded again, whatever wrote the bucket.
    std::vector<PlannedFiring> pending;
    for (const auto& firing : task.pending) {
      if (!bucket.settled(make_firing_id(task_id, firing.reminder_id, firing.fire_at))) {
        pending.push_back(firing);
      }
    }
    if (pending.empty()) continue;
    schedule.replace(task.summary, pending);
    ++stats.tasks;
    stats.firings += pending.size();
  }
  return stats;
}

}  // namespace

LoadStats load_schedule(dapr::StateStore& store, const Slice& slice, Schedule& schedule,
                        const LoadOptions& options) {
  const auto keys = all_bucket_keys(slice);
  const std::size_t per_get = std::max<std::size_t>(options.keys_per_get, 1);
  std::vector<std::function<void()>> jobs;
  std::mutex mu;
  LoadStats total;
  std::exception_ptr failure;
  for (std::size_t first = 0; first < keys.size(); first += per_get) {
    jobs.emplace_back([&, first] {
      try {
        const std::size_t last = std::min(keys.size(), first + per_get);
        const std::vector<std::string> batch(keys.begin() + static_cast<std::ptrdiff_t>(first),
                                             keys.begin() + static_cast<std::ptrdiff_t>(last));
        for (const auto& [key, stored] : store.get_many(batch)) {
          const LoadStats stats = load_bucket(key, stored, schedule);
          std::lock_guard<std::mutex> lock(mu);
          total.buckets += stats.buckets;
          total.tasks += stats.tasks;
          total.firings += stats.firings;
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!failure) failure = std::current_exception();
      }
    });
  }
  run_parallel(jobs, options.parallel_gets);
  if (failure) std::rethrow_exception(failure);
  return total;
}

}  // namespace todo::reminder_scheduler
