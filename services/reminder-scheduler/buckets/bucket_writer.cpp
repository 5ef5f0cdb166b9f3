#include "buckets/bucket_writer.hpp"

#include <spdlog/spdlog.h>

#include "ids/stable_hash.hpp"

namespace todo::reminder_scheduler {

BucketWriter::BucketWriter(dapr::StateStore& store, WallClock clock, int max_attempts)
    : store_(store), clock_(std::move(clock)), max_attempts_(max_attempts) {}

void BucketWriter::update(const std::string& key, const Change& change,
                          const AfterSave& after_save) {
  std::lock_guard<std::mutex> lock(lock_for(key));
  bool saved = false;
  // Another process writing the bucket since we read it (two instances of one slice) makes the
  // save a conflict; update_json then reads it again and `change` runs on what that wrote.
  dapr::update_json(
      store_, key, nlohmann::json::object(),
      [&](nlohmann::json& value) {
        std::vector<std::string> problems;
        Bucket bucket = bucket_from_json(value, &problems);
        for (const auto& problem : problems) spdlog::warn("bucket {}: dropping {}", key, problem);
        prune(bucket, to_instant(clock_()));
        saved = change(bucket);
        if (saved) value = to_json(bucket);
        return saved;
      },
      max_attempts_);
  if (saved && after_save) after_save();
}

std::mutex& BucketWriter::lock_for(const std::string& key) {
  return stripes_[ids::stable_hash(key) % stripes_.size()];
}

}  // namespace todo::reminder_scheduler
