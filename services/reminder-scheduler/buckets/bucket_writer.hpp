#pragma once
// Read-modify-write of one bucket, safe against every other writer of it: inside the process a
// lock per bucket (Dapr delivers events concurrently, and the recorder writes too), across
// processes the bucket's ETag (a conflict re-reads and retries a few times before giving up).
#include <array>
#include <functional>
#include <mutex>
#include <string>

#include "buckets/bucket.hpp"
#include "dapr/state_store.hpp"
#include "runtime/wall_clock.hpp"

namespace todo::reminder_scheduler {

class BucketWriter {
 public:
  // Returns false when it changed nothing worth saving.
  using Change = std::function<bool(Bucket&)>;
  using AfterSave = std::function<void()>;

  // `store` holds the buckets as JSON values (dapr::DaprStateStore in the service).
  BucketWriter(dapr::StateStore& store, WallClock clock, int max_attempts = 3);

  // Reads the bucket (pruned of records older than kRetention), lets `change` modify it, saves it
  // with the ETag it was read with (a new bucket with first-write), then runs `after_save` still
  // holding the bucket's lock, so the in-memory schedule follows the store in the same order as
  // the writes. `change` may run more than once (after a conflict it gets a fresh copy). Throws
  // dapr::WriteConflict when every attempt conflicted, and whatever the store throws.
  void update(const std::string& key, const Change& change, const AfterSave& after_save = {});

  WallTime now() const { return clock_(); }

 private:
  std::mutex& lock_for(const std::string& key);

  dapr::StateStore& store_;
  WallClock clock_;
  int max_attempts_;
  // Striped: 256 mutexes serve any number of buckets; two buckets sharing one only wait longer.
  std::array<std::mutex, 256> stripes_;
};

}  // namespace todo::reminder_scheduler
