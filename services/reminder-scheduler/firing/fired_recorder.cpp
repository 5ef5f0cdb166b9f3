#include "firing/fired_recorder.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "buckets/bucket_layout.hpp"
#include "runtime/parallel.hpp"

namespace todo::reminder_scheduler {
namespace {

void record_in(Bucket& bucket, const Settlement& settlement) {
  const DueFiring& due = settlement.firing;
  (settlement.skipped ? bucket.skipped : bucket.fired)[due.id()] = settlement.at;
  const auto task = bucket.tasks.find(due.task.task_id);
  if (task == bucket.tasks.end()) return;
  auto& pending = task->second.pending;
  pending.erase(std::remove(pending.begin(), pending.end(), due.firing), pending.end());
  if (pending.empty()) task->second.idle_since = settlement.at;
}

}  // namespace

FiredRecorder::FiredRecorder(Slice slice, BucketWriter& writer, Schedule& schedule,
                             std::size_t parallel_writes)
    : slice_(slice), writer_(writer), schedule_(schedule), parallel_writes_(parallel_writes) {}

std::vector<Settlement> FiredRecorder::record(std::vector<Settlement> batch) {
  std::map<std::string, std::vector<Settlement>> by_bucket;
  for (auto& settlement : batch) {
    by_bucket[bucket_key_for_task(slice_, settlement.firing.task.task_id)].push_back(
        std::move(settlement));
  }
  std::mutex mu;
  std::vector<Settlement> failed;
  std::vector<std::function<void()>> jobs;
  jobs.reserve(by_bucket.size());
  for (auto& [key, settlements] : by_bucket) {
    jobs.emplace_back([&, key = key, settlements = &settlements] {
      try {
        writer_.update(
            key,
            [&](Bucket& bucket) {
              for (const auto& settlement : *settlements) record_in(bucket, settlement);
              return true;
            },
            [&] {
              for (const auto& settlement : *settlements) schedule_.settle(settlement.firing);
            });
      } catch (const std::exception& e) {
        spdlog::warn("bucket {}: cannot record {} fired reminder(s) yet: {}", key,
                     settlements->size(), e.what());
        std::lock_guard<std::mutex> lock(mu);
        failed.insert(failed.end(), settlements->begin(), settlements->end());
      }
    });
  }
  run_parallel(jobs, parallel_writes_);
  return failed;
}

}  // namespace todo::reminder_scheduler
