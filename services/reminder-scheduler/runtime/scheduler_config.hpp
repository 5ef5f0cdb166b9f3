#pragma once
// The scheduler's own flags (the runtime adds the common ones: port, sidecar port, log level).
#include <cxxopts.hpp>

#include "buckets/schedule_loader.hpp"
#include "firing/firing_loop.hpp"
#include "firing/missed_policy.hpp"
#include "runtime/slice.hpp"

namespace todo::reminder_scheduler {

struct SchedulerConfig {
  Slice slice;
  MissedPolicy missed_policy;
  FiringOptions firing;
  LoadOptions load;
};

void add_scheduler_options(cxxopts::Options& options);
// Throws std::invalid_argument naming the flag whose value is wrong.
SchedulerConfig scheduler_config_from(const cxxopts::ParseResult& args);

}  // namespace todo::reminder_scheduler
