#include "firing/firing_loop.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstddef>
#include <set>

#include "runtime/parallel.hpp"

namespace todo::reminder_scheduler {
namespace {

std::chrono::milliseconds doubled(std::chrono::milliseconds backoff,
                                  std::chrono::milliseconds max) {
  return std::min(backoff * 2, max);
}

}  // namespace

FiringLoop::FiringLoop(Schedule& schedule, ReminderPublisher& publisher, FiredRecorder& recorder,
                       SchedulerMetrics& metrics, PolicyForUser policy, FiringOptions options,
                       WallClock clock)
    : schedule_(schedule),
      publisher_(publisher),
      recorder_(recorder),
      metrics_(metrics),
      policy_(std::move(policy)),
      options_(options),
      clock_(std::move(clock)),
      publish_backoff_(options.first_backoff),
      record_backoff_(options.first_backoff) {}

FiringLoop::~FiringLoop() {
  stop();
}

void FiringLoop::start() {
  schedule_.on_earlier([this] { wake(); });
  fire_thread_ = std::thread([this] { fire_thread(); });
  record_thread_ = std::thread([this] { record_thread(); });
}

void FiringLoop::stop() {
  // The firing thread first, so that what its last pass published is still recorded.
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  fire_cv_.notify_all();
  if (fire_thread_.joinable()) fire_thread_.join();
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_recording_ = true;
  }
  record_cv_.notify_all();
  if (record_thread_.joinable()) record_thread_.join();
  schedule_.on_earlier({});
}

void FiringLoop::wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  fire_cv_.notify_all();
}

std::size_t FiringLoop::fire_due(WallTime now) {
  std::vector<DueFiring> due = collect_due(now);
  if (due.empty()) return 0;
  const std::size_t taken = due.size();

  DeliveryPlan plan = plan_deliveries(std::move(due), now, policy_);
  PassResult result = publish(std::move(plan.deliveries), now);
  for (DueFiring& firing : plan.skipped) {
    result.settled.push_back(Settlement{std::move(firing), true, to_instant(now)});
  }
  if (!plan.skipped.empty()) {
    metrics_.count_fired(FiringOutcome::skipped, static_cast<double>(plan.skipped.size()));
    spdlog::info("{} reminder(s) skipped: later than the missed policy allows",
                 plan.skipped.size());
  }
  queue(std::move(result), now);
  return taken;
}

std::vector<DueFiring> FiringLoop::collect_due(WallTime now) {
  std::vector<DueFiring> retries;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!retry_.empty()) {
      // Publishing is failing: wait out the backoff before trying anything, old or new, so an
      // outage is not hammered with every firing that comes due meanwhile.
      if (now < *retry_at_) return {};
      retries.swap(retry_);
      retry_at_.reset();
    }
  }
  std::vector<DueFiring> due;
  for (DueFiring& firing : retries) {
    // A change may have cancelled it since, or changed its title.
    if (schedule_.refresh_in_flight(firing)) due.push_back(std::move(firing));
  }
  const std::size_t room =
      options_.max_per_pass > due.size() ? options_.max_per_pass - due.size() : 0;
  for (DueFiring& firing : schedule_.take_due(to_instant(now), room)) {
    due.push_back(std::move(firing));
  }
  return due;
}

void FiringLoop::queue(PassResult result, WallTime now) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    to_record_.insert(to_record_.end(), std::make_move_iterator(result.settled.begin()),
                      std::make_move_iterator(result.settled.end()));
    if (!result.failed.empty()) {
      retry_.insert(retry_.end(), std::make_move_iterator(result.failed.begin()),
                    std::make_move_iterator(result.failed.end()));
      retry_at_ = now + publish_backoff_;
      publish_backoff_ = doubled(publish_backoff_, options_.max_backoff);
    } else {
      publish_backoff_ = options_.first_backoff;
    }
  }
  record_cv_.notify_all();
}

FiringLoop::PassResult FiringLoop::publish(std::vector<Delivery> deliveries, WallTime now) {
  PassResult result;
  std::mutex result_mu;
  std::vector<std::function<void()>> jobs;
  for (std::size_t first = 0; first < deliveries.size(); first += options_.publish_batch) {
    const std::size_t last = std::min(deliveries.size(), first + options_.publish_batch);
    jobs.emplace_back([&, first, last] {
      const auto begin = deliveries.begin();
      std::vector<Delivery> chunk(
          std::make_move_iterator(begin + static_cast<std::ptrdiff_t>(first)),
          std::make_move_iterator(begin + static_cast<std::ptrdiff_t>(last)));
      for (Delivery& delivery : chunk) delivery.payload = payload_of(delivery, now);
      std::set<std::string> failed_ids;
      try {
        for (auto& id : publisher_.publish(chunk)) failed_ids.insert(std::move(id));
      } catch (const std::exception& e) {
        spdlog::warn("publishing {} reminder event(s) failed, will retry: {}", chunk.size(),
                     e.what());
        for (const auto& delivery : chunk) failed_ids.insert(delivery.event_id);
      }
      const WallTime accepted_at = clock_();
      std::lock_guard<std::mutex> lock(result_mu);
      for (const Delivery& delivery : chunk) {
        if (failed_ids.count(delivery.event_id)) {
          metrics_.publish_failures.inc();
          result.failed.insert(result.failed.end(), delivery.firings.begin(),
                               delivery.firings.end());
          continue;
        }
        metrics_.count_fired(delivery.outcome, static_cast<double>(delivery.firings.size()));
        for (const DueFiring& firing : delivery.firings) {
          metrics_.lateness.observe(
              std::max(0.0, seconds_between(firing.firing.fire_at, accepted_at)));
          result.settled.push_back(Settlement{firing, false, to_instant(accepted_at)});
        }
      }
    });
  }
  run_parallel(jobs, options_.publish_threads);
  return result;
}

std::size_t FiringLoop::record_queued(WallTime now, bool ignore_backoff) {
  std::vector<Settlement> batch;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!ignore_backoff && record_at_ && now < *record_at_) return 0;
    batch.swap(to_record_);
  }
  if (batch.empty()) return 0;
  const std::size_t attempted = batch.size();
  std::vector<Settlement> failed = recorder_.record(std::move(batch));
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (failed.empty()) {
      record_at_.reset();
      record_backoff_ = options_.first_backoff;
    } else {
      metrics_.record_failures.inc(static_cast<double>(failed.size()));
      to_record_.insert(to_record_.end(), std::make_move_iterator(failed.begin()),
                        std::make_move_iterator(failed.end()));
      record_at_ = now + record_backoff_;
      record_backoff_ = doubled(record_backoff_, options_.max_backoff);
    }
  }
  metrics_.pending.set(static_cast<double>(schedule_.size()));
  return attempted - failed.size();
}

void FiringLoop::fire_thread() {
  for (;;) {
    const std::size_t taken = fire_due(clock_());
    std::unique_lock<std::mutex> lock(mu_);
    if (stopping_) return;
    std::optional<WallTime> wake_at;
    if (!retry_.empty()) {
      wake_at = retry_at_;
    } else if (taken >= options_.max_per_pass) {
      continue;  // a full pass: more may be due right now
    } else if (const auto next = schedule_.next_fire_at()) {
      wake_at = WallTime(*next);
    }
    const auto woken = [this] { return stopping_ || woken_; };
    if (wake_at) {
      fire_cv_.wait_until(lock, *wake_at, woken);
    } else {
      fire_cv_.wait(lock, woken);
    }
    woken_ = false;
  }
}

void FiringLoop::record_thread() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_recording_) {
    if (to_record_.empty()) {
      record_cv_.wait(lock);
    } else if (record_at_ && clock_() < *record_at_) {
      record_cv_.wait_until(lock, *record_at_);
    } else {
      lock.unlock();
      record_queued(clock_());
      lock.lock();
    }
  }
  lock.unlock();
  // What is recorded now will not fire again after the restart.
  record_queued(clock_(), /*ignore_backoff=*/true);
}

std::size_t FiringLoop::retrying() const {
  std::lock_guard<std::mutex> lock(mu_);
  return retry_.size();
}

std::size_t FiringLoop::awaiting_record() const {
  std::lock_guard<std::mutex> lock(mu_);
  return to_record_.size();
}

std::optional<WallTime> FiringLoop::next_retry() const {
  std::lock_guard<std::mutex> lock(mu_);
  return retry_at_;
}

}  // namespace todo::reminder_scheduler
