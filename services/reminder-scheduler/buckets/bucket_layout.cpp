#include "buckets/bucket_layout.hpp"

#include "ids/stable_hash.hpp"

namespace todo::reminder_scheduler {

std::size_t bucket_of(const std::string& task_id) {
  return static_cast<std::size_t>(ids::stable_hash(task_id) % kBuckets);
}

std::string bucket_key(const Slice& slice, std::size_t bucket) {
  return "reminders-" + std::to_string(slice.index) + "-" + std::to_string(bucket);
}

std::string bucket_key_for_task(const Slice& slice, const std::string& task_id) {
  return bucket_key(slice, bucket_of(task_id));
}

std::vector<std::string> all_bucket_keys(const Slice& slice) {
  std::vector<std::string> keys;
  keys.reserve(kBuckets);
  for (std::size_t b = 0; b < kBuckets; ++b) keys.push_back(bucket_key(slice, b));
  return keys;
}

}  // namespace todo::reminder_scheduler
