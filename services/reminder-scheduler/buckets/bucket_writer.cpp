#include "buckets/bucket_writer.hpp"

#include <spdlog/spdlog.h>

#include "dapr/client.hpp"
#include "ids/stable_hash.hpp"

namespace todo::reminder_scheduler {

BucketWriter::BucketWriter(BucketStore& store, WallClock clock, int max_attempts)
    : store_(store), clock_(std::move(clock)), max_attempts_(max_attempts) {}

void BucketWriter::update(const std::string& key, const Change& change,
                          const AfterSave& after_save) {
  std::lock_guard<std::mutex> lock(lock_for(key));
  for (int attempt = 1;; ++attempt) {
    const auto stored = store_.get(key);
    std::vector<std::string> problems;
    Bucket bucket = stored ? bucket_from_json(stored->value, &problems) : Bucket{};
    for (const auto& problem : problems) spdlog::warn("bucket {}: dropping {}", key, problem);
    prune(bucket, to_instant(clock_()));
    if (!change(bucket)) return;
    try {
      store_.put(key, to_json(bucket),
                 stored ? std::optional<std::string>(stored->etag) : std::nullopt);
    } catch (const dapr::EtagMismatch&) {
      // Another process wrote the bucket since we read it (two instances of one slice).
      if (attempt >= max_attempts_) throw;
      spdlog::info("bucket {}: written concurrently, attempt {} of {}", key, attempt + 1,
                   max_attempts_);
      continue;
    }
    if (after_save) after_save();
    return;
  }
}

std::mutex& BucketWriter::lock_for(const std::string& key) {
  return stripes_[ids::stable_hash(key) % stripes_.size()];
}

}  // namespace todo::reminder_scheduler
