#pragma once
// Where the schedule lives in the state store: each slice's tasks are spread over kBuckets keys,
// "reminders-<slice>-<bucket>", bucket = stable_hash(task id) % kBuckets. The keys are known in
// advance, so start-up enumerates a slice with bulk gets instead of a query the state API lacks.
//
// 16384 is a trade-off. A change rewrites its whole bucket, so more buckets make each
// read-modify-write smaller and spread concurrent writers; fewer make start-up read fewer keys.
// At 16384, a slice with 1,000,000 pending reminders holds ~60 tasks (~20 KB of JSON) per
// bucket, so the ~1,000 bucket writes that a second of 1,000 firings needs stay cheap (at 4096
// each would parse and rewrite ~80 KB: by estimate about all the CPU two cores have), and
// start-up reads its keys in a few hundred small bulk gets. The number is part of the stored
// layout: changing it needs a migration, so grow by adding slices instead.
#include <cstddef>
#include <string>
#include <vector>

#include "runtime/slice.hpp"

namespace todo::reminder_scheduler {

inline constexpr std::size_t kBuckets = 16384;

std::size_t bucket_of(const std::string& task_id);
std::string bucket_key(const Slice& slice, std::size_t bucket);
std::string bucket_key_for_task(const Slice& slice, const std::string& task_id);
// Every bucket key of the slice, in bucket order.
std::vector<std::string> all_bucket_keys(const Slice& slice);

}  // namespace todo::reminder_scheduler
