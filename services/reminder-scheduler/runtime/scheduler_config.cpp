#include "runtime/scheduler_config.hpp"

#include <stdexcept>

namespace todo::reminder_scheduler {
namespace {

std::size_t positive(const cxxopts::ParseResult& args, const char* flag) {
  const int value = args[flag].as<int>();
  if (value < 1) throw std::invalid_argument(std::string("--") + flag + " must be at least 1");
  return static_cast<std::size_t>(value);
}

}  // namespace

void add_scheduler_options(cxxopts::Options& options) {
  // clang-format off
  options.add_options("reminders")
    ("slice", "this instance's slice k: it keeps the users with stable_hash(user) % n == k",
     cxxopts::value<int>()->default_value("0"))
    ("slices", "the number of slices n (instances sharing the users)",
     cxxopts::value<int>()->default_value("1"))
    ("missed-policy", "late reminders: deliver_late, digest or skip_older_than",
     cxxopts::value<std::string>()->default_value("deliver_late"))
    ("late-after-seconds", "a reminder fired later than this after its instant is late",
     cxxopts::value<int>()->default_value("60"))
    ("skip-older-than-hours", "with skip_older_than: skip reminders later than this",
     cxxopts::value<int>()->default_value("24"))
    ("publish-batch", "reminder events per bulk publish",
     cxxopts::value<int>()->default_value("100"))
    ("publish-threads", "bulk publishes in flight at once",
     cxxopts::value<int>()->default_value("8"))
    ("load-batch", "bucket keys per bulk get at start-up",
     cxxopts::value<int>()->default_value("50"))
    ("load-parallel", "bulk gets in flight at start-up",
     cxxopts::value<int>()->default_value("2"));
  // clang-format on
}

SchedulerConfig scheduler_config_from(const cxxopts::ParseResult& args) {
  SchedulerConfig config;
  config.slice = make_slice(args["slice"].as<int>(), args["slices"].as<int>());
  const auto action = parse_missed_action(args["missed-policy"].as<std::string>());
  if (!action) {
    throw std::invalid_argument("--missed-policy must be deliver_late, digest or skip_older_than");
  }
  config.missed_policy.action = *action;
  config.missed_policy.late_after = std::chrono::seconds(positive(args, "late-after-seconds"));
  config.missed_policy.skip_older_than =
      std::chrono::hours(positive(args, "skip-older-than-hours"));
  config.firing.publish_batch = positive(args, "publish-batch");
  config.firing.publish_threads = positive(args, "publish-threads");
  config.load.keys_per_get = positive(args, "load-batch");
  config.load.parallel_gets = positive(args, "load-parallel");
  return config;
}

}  // namespace todo::reminder_scheduler
