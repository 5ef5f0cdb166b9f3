#pragma once
// After publishing (or skipping), records each firing in its bucket: into "fired" (or
// "skipped"), out of its task's pending list, and then out of the in-memory schedule. Buckets
// are written side by side, one read-modify-write per bucket however many of its firings a
// batch holds.
#include <cstddef>
#include <vector>

#include "buckets/bucket_writer.hpp"
#include "firing/firing.hpp"
#include "runtime/slice.hpp"
#include "schedule/schedule.hpp"

namespace todo::reminder_scheduler {

struct Settlement {
  DueFiring firing;
  bool skipped = false;
  time::Instant at{};  // when it was published or skipped
};

class FiredRecorder {
 public:
  FiredRecorder(Slice slice, BucketWriter& writer, Schedule& schedule,
                std::size_t parallel_writes = 8);

  // Returns the settlements whose bucket could not be written (the caller retries them later;
  // until then they stay in flight in the schedule).
  std::vector<Settlement> record(std::vector<Settlement> batch);

 private:
  Slice slice_;
  BucketWriter& writer_;
  Schedule& schedule_;
  std::size_t parallel_writes_;
};

}  // namespace todo::reminder_scheduler
