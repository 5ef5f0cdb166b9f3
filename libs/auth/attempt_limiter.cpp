#include "auth/attempt_limiter.hpp"

#include <spdlog/spdlog.h>

#include "auth/digest.hpp"
#include "http/dependency_error.hpp"

namespace todo::auth {
namespace {

// Writers racing on one counter retry this often before the attempt goes uncounted.
constexpr int kWriteRounds = 5;

std::string key_of(const AttemptRule& rule, const std::string& subject) {
  // Hashed: no email address or IP address ends up in a store key.
  return std::string("attempts-") + rule.name + "-" + sha256_hex(subject);
}

std::int64_t seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

struct Window {
  std::int64_t start = 0;
  int count = 0;
};

// The counter's window as of `now`: a window that has passed counts as a fresh, empty one.
Window current(const std::optional<AttemptStore::Stored>& stored, const AttemptRule& rule,
               std::int64_t now) {
  if (!stored || !stored->value.is_object()) return {now, 0};
  const auto start = stored->value.value("start", std::int64_t{0});
  const auto count = stored->value.value("count", 0);
  if (now >= start + rule.window.count() || start > now) return {now, 0};
  return {start, count};
}

}  // namespace

AttemptLimiter::AttemptLimiter(AttemptStore& store, Clock clock)
    : store_(store), clock_(std::move(clock)) {}

std::optional<std::chrono::seconds> AttemptLimiter::retry_after(const AttemptRule& rule,
                                                                const std::string& subject) {
  const auto now = seconds_of(clock_());
  std::optional<AttemptStore::Stored> stored;
  try {
    stored = store_.load(key_of(rule, subject));
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    // Fails open: while the store is away nobody is throttled, rather than nobody served.
    spdlog::warn("attempt counter {} unavailable, not throttling: {}", rule.name, e.what());
    return std::nullopt;
  }
  const Window window = current(stored, rule, now);
  if (window.count < rule.limit) return std::nullopt;
  return std::chrono::seconds(std::max<std::int64_t>(1, window.start + rule.window.count() - now));
}

void AttemptLimiter::record(const AttemptRule& rule, const std::string& subject) {
  const std::string key = key_of(rule, subject);
  try {
    for (int round = 0; round < kWriteRounds; ++round) {
      const auto now = seconds_of(clock_());
      const auto stored = store_.load(key);
      const Window window = current(stored, rule, now);
      const nlohmann::json value = {{"start", window.start}, {"count", window.count + 1}};
      const auto etag = stored ? std::optional<std::string>(stored->etag) : std::nullopt;
      if (store_.save(key, value, etag, rule.window)) return;
    }
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    spdlog::warn("attempt counter {} unavailable, attempt not counted: {}", rule.name, e.what());
  }
}

std::optional<std::chrono::seconds> AttemptLimiter::take(const AttemptRule& rule,
                                                         const std::string& subject) {
  const std::string key = key_of(rule, subject);
  try {
    for (int round = 0; round < kWriteRounds; ++round) {
      const auto now = seconds_of(clock_());
      const auto stored = store_.load(key);
      const Window window = current(stored, rule, now);
      if (window.count >= rule.limit) {
        return std::chrono::seconds(
            std::max<std::int64_t>(1, window.start + rule.window.count() - now));
      }
      const nlohmann::json value = {{"start", window.start}, {"count", window.count + 1}};
      const auto etag = stored ? std::optional<std::string>(stored->etag) : std::nullopt;
      if (store_.save(key, value, etag, rule.window)) return std::nullopt;
    }
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    spdlog::warn("attempt counter {} unavailable, not throttling: {}", rule.name, e.what());
    return std::nullopt;
  }
  // So many writers at once on one subject is itself a burst worth slowing down.
  return std::chrono::seconds(1);
}

void AttemptLimiter::give_back(const AttemptRule& rule, const std::string& subject) {
  const std::string key = key_of(rule, subject);
  try {
    for (int round = 0; round < kWriteRounds; ++round) {
      const auto now = seconds_of(clock_());
      const auto stored = store_.load(key);
      const Window window = current(stored, rule, now);
      if (!stored || window.count == 0) return;  // the window it was taken in has passed
      const nlohmann::json value = {{"start", window.start}, {"count", window.count - 1}};
      if (store_.save(key, value, stored->etag, rule.window)) return;
    }
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    spdlog::warn("attempt counter {} unavailable, attempt not given back: {}", rule.name, e.what());
  }
}

}  // namespace todo::auth
