// Measurements, not checks: hidden (run them with `unit_tests "[.reminder-footprint]"`), they
// print what a million pending reminders cost in memory and how long a 100,000-reminder
// start-up load takes here. Numbers depend on the machine and the build; nothing is asserted.
#include <malloc.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "buckets/bucket_layout.hpp"
#include "buckets/schedule_loader.hpp"
#include "scheduler_test_support.hpp"

using namespace reminder_test;

namespace {

long resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// A task id as task-service makes them (lower-case UUID).
std::string uuid_for(long i) {
  char id[37];
  std::snprintf(id, sizeof id, "%08lx-0000-4000-8000-%012lx", i, i * 7919);
  return id;
}

TaskSummary typical_task(long i) {
  static const char* zones[] = {"Europe/London", "America/New_York", "Asia/Tokyo"};
  TaskSummary task;
  task.task_id = uuid_for(i);
  task.user_id = uuid_for(1000000000 + i % 20000);               // 20,000 users
  task.title = "Renew the car insurance #" + std::to_string(i);  // ~30 characters
  task.time_zone = zones[i % 3];
  task.due = time::LocalDue{time::LocalDate{2027, 1, 1 + static_cast<unsigned>(i % 28)},
                            std::chrono::hours{9}};
  return task;
}

// Run one case per process: memory freed by the other stays in the process's heap.
void measure_million(int per_task, std::size_t excerpt_bytes = 0) {
  const time::Instant base = at("2027-01-01T00:00:00Z");
  const long tasks = 1000000 / per_task;
  const long before = resident_kib();
  Schedule schedule;
  for (long i = 0; i < tasks; ++i) {
    std::vector<PlannedFiring> firings;
    firings.reserve(static_cast<std::size_t>(per_task));
    for (int r = 0; r < per_task; ++r) {
      firings.push_back({"r" + std::to_string(r + 1),
                         base + std::chrono::seconds((i * 37 + r * 3600L) % 2592000)});
    }
    TaskSummary task = typical_task(i);
    task.description_excerpt.assign(excerpt_bytes, 'd');
    schedule.replace(task, firings);
  }
  const long after = resident_kib();
  std::printf(
      "%zu pending reminders (%ld tasks, %d each, %zu-byte excerpts): schedule %.1f MiB (%.0f "
      "bytes per "
      "reminder), process RSS %.1f MiB\n",
      schedule.size(), tasks, per_task, excerpt_bytes, static_cast<double>(after - before) / 1024.0,
      static_cast<double>(after - before) * 1024.0 / static_cast<double>(schedule.size()),
      static_cast<double>(after) / 1024.0);
}

}  // namespace

TEST_CASE("footprint of a million pending reminders: one per task", "[.reminder-footprint]") {
  measure_million(1);
}

TEST_CASE("footprint of a million pending reminders: two per task", "[.reminder-footprint]") {
  measure_million(2);
}

TEST_CASE("footprint of a million pending reminders: one per task with a description",
          "[.reminder-footprint]") {
  measure_million(1, 100);
}

TEST_CASE("start-up load of 100,000 pending reminders", "[.reminder-footprint]") {
  dapr::testing::MemoryStateStore store;
  std::map<std::string, Bucket> buckets;
  for (long i = 0; i < 50000; ++i) {
    StoredTask task;
    task.version = 3;
    task.summary = typical_task(i);
    task.pending = {{"r1", at("2027-01-01T08:00:00Z") + std::chrono::minutes(i)},
                    {"r2", at("2027-01-01T09:00:00Z") + std::chrono::minutes(i)}};
    buckets[bucket_key_for_task(Slice{}, task.summary.task_id)].tasks[task.summary.task_id] = task;
  }
  for (const auto& [key, bucket] : buckets) store.put(key, to_json(bucket));

  Schedule schedule;
  const auto started = std::chrono::steady_clock::now();
  const LoadStats stats = load_schedule(store, Slice{}, schedule);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  std::printf("loaded %zu reminders of %zu tasks from %zu buckets in %lld ms (in-memory store)\n",
              stats.firings, stats.tasks, stats.buckets, static_cast<long long>(ms));
}

namespace {

// Keeps buckets as JSON text and parses them on every read, as the sidecar's answers are: so the
// load's transient memory (text plus parsed documents) shows in the process's peak. Only for
// loading: the in-memory fake keeps parsed values, which would hide the text's share.
class TextStateStore final : public dapr::StateStore {
 public:
  std::optional<dapr::StoredValue> get(const std::string&) override { return std::nullopt; }
  std::vector<std::pair<std::string, dapr::StoredValue>> get_many(
      const std::vector<std::string>& keys) override {
    // Like the Dapr client: the whole answer's text is held while its buckets are parsed.
    std::string answer;
    std::vector<std::pair<std::string, std::size_t>> found_keys;
    {
      std::lock_guard<std::mutex> lock(mu);
      for (const auto& key : keys) {
        const auto it = texts.find(key);
        if (it == texts.end()) continue;
        found_keys.emplace_back(key, answer.size());
        answer += it->second;
      }
    }
    std::vector<std::pair<std::string, dapr::StoredValue>> found;
    for (std::size_t i = 0; i < found_keys.size(); ++i) {
      const std::size_t begin = found_keys[i].second;
      const std::size_t end = i + 1 < found_keys.size() ? found_keys[i + 1].second : answer.size();
      found.emplace_back(
          found_keys[i].first,
          dapr::StoredValue{nlohmann::json::parse(answer.substr(begin, end - begin)), "1"});
    }
    return found;
  }
  using StateStore::create;
  using StateStore::put;
  void create(const std::string&, const nlohmann::json&, std::chrono::seconds) override {
    throw std::logic_error("TextStateStore is filled through texts");
  }
  void put(const std::string&, const nlohmann::json&, const std::string&,
           std::chrono::seconds) override {
    throw std::logic_error("TextStateStore is filled through texts");
  }

  std::mutex mu;
  std::map<std::string, std::string> texts;
};

long peak_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace

TEST_CASE("footprint of a start-up load of a million pending reminders", "[.reminder-footprint]") {
  TextStateStore store;
  {
    std::map<std::string, Bucket> buckets;
    for (long i = 0; i < 1000000; ++i) {
      StoredTask task;
      task.version = 3;
      task.summary = typical_task(i);
      task.pending = {{"r1", at("2027-01-01T08:00:00Z") + std::chrono::seconds(i)}};
      buckets[bucket_key_for_task(Slice{}, task.summary.task_id)].tasks[task.summary.task_id] =
          task;
    }
    for (const auto& [key, bucket] : buckets) store.texts[key] = to_json(bucket).dump();
  }
  std::size_t text_bytes = 0;
  for (const auto& [key, text] : store.texts) text_bytes += text.size();
  // Start from a trimmed heap and a reset peak, so that the numbers are the load's own.
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
  const long before = resident_kib();
  Schedule schedule;
  const auto started = std::chrono::steady_clock::now();
  const char* batch = std::getenv("LOAD_BATCH");
  const char* parallel = std::getenv("LOAD_PARALLEL");
  LoadOptions options;
  if (batch) options.keys_per_get = std::stoul(batch);
  if (parallel) options.parallel_gets = std::stoul(parallel);
  const LoadStats stats = load_schedule(store, Slice{}, schedule, options);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  const long after_load = resident_kib();
  malloc_trim(0);
  std::printf("after malloc_trim: RSS +%.1f MiB\n",
              static_cast<double>(resident_kib() - before) / 1024.0);
  std::printf(
      "loaded %zu reminders (%.0f MiB of bucket JSON) in %lld ms: RSS +%.1f MiB after, peak "
      "%.1f MiB above the store's own\n",
      stats.firings, static_cast<double>(text_bytes) / 1048576.0, static_cast<long long>(ms),
      static_cast<double>(after_load - before) / 1024.0,
      static_cast<double>(peak_kib() - before) / 1024.0);
}

namespace {

// A sidecar that takes `latency` to accept each (bulk) publish.
class SlowPublisher final : public ReminderPublisher {
 public:
  explicit SlowPublisher(std::chrono::milliseconds per_call) : latency(per_call) {}
  std::vector<std::string> publish(const std::vector<Delivery>& deliveries) override {
    std::this_thread::sleep_for(latency);  // stands for the sidecar's round trip
    published += deliveries.size();
    return {};
  }
  std::chrono::milliseconds latency;
  std::atomic<std::size_t> published{0};
};

}  // namespace

TEST_CASE("lateness of a thousand reminders due in the same second", "[.reminder-footprint]") {
  dapr::testing::MemoryStateStore store;
  metrics::Registry registry;
  SchedulerMetrics metrics(registry);
  Schedule schedule;
  BucketWriter writer(store, system_wall_clock());
  FiredRecorder recorder(Slice{}, writer, schedule);
  SlowPublisher publisher(std::chrono::milliseconds(10));
  FiringLoop loop(schedule, publisher, recorder, metrics,
                  [](const std::string&) { return MissedPolicy{}; });
  const time::Instant due = to_instant(std::chrono::system_clock::now()) + std::chrono::seconds(2);
  for (long i = 0; i < 1000; ++i) schedule.replace(typical_task(i), {{"r1", due}});
  loop.start();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (publisher.published < 1000 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // polling interval
  }
  loop.stop();
  const auto snapshot = metrics.lateness.snapshot();
  std::printf(
      "%zu published with a 10 ms publish; lateness <= 50 ms: %llu, <= 100 ms: %llu, "
      "mean %.1f ms\n",
      publisher.published.load(), static_cast<unsigned long long>(snapshot.cumulative[3]),
      static_cast<unsigned long long>(snapshot.cumulative[4]),
      1000.0 * snapshot.sum / static_cast<double>(snapshot.count));
}
