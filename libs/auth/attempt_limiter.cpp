#include "auth/attempt_limiter.hpp"

#include <spdlog/spdlog.h>

#include "auth/digest.hpp"
#include "http/dependency_error.hpp"

namespace todo::auth {
namespace {

// Writers racing on one counter try this often before take() answers "wait a second".
constexpr int kWriteRounds = 5;

std::string key_of(const AttemptRule& rule, const std::string& subject) {
  // Hashed: no email address or IP address ends up in a store key.
  return std::string("attempts-") + rule.name + "-" + sha256_hex(subject);
}

std::int64_t seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// The counter's window as of `now`: a window that has passed counts as a fresh, empty one.
AttemptLimiter::Window current(const std::optional<AttemptStore::Stored>& stored,
                               const AttemptRule& rule, std::int64_t now) {
  if (!stored || !stored->value.is_object()) return {now, 0};
  const auto start = stored->value.value("start", std::int64_t{0});
  const auto count = stored->value.value("count", 0);
  if (now >= start + rule.window.count() || start > now) return {now, 0};
  return {start, count};
}

}  // namespace

AttemptLimiter::AttemptLimiter(AttemptStore& store, Clock clock)
    : store_(store), clock_(std::move(clock)) {}

template <class Next>
AttemptLimiter::Update AttemptLimiter::update(const AttemptRule& rule, const std::string& subject,
                                              Next next) {
  const std::string key = key_of(rule, subject);
  for (int round = 0; round < kWriteRounds; ++round) {
    const auto now = seconds_of(clock_());
    const auto stored = store_.load(key);
    const Window window = current(stored, rule, now);
    const std::optional<int> count = next(window, stored.has_value());
    if (!count) {
      const auto wait = window.start + rule.window.count() - now;
      return {Update::declined, std::chrono::seconds(std::max<std::int64_t>(1, wait))};
    }
    const nlohmann::json value = {{"start", window.start}, {"count", *count}};
    const auto etag = stored ? std::optional<std::string>(stored->etag) : std::nullopt;
    if (store_.save(key, value, etag, rule.window)) return {Update::written, {}};
  }
  return {Update::contended, {}};
}

std::optional<std::chrono::seconds> AttemptLimiter::take(const AttemptRule& rule,
                                                         const std::string& subject) {
  try {
    const auto done = update(rule, subject, [&rule](const Window& w, bool) {
      return w.count < rule.limit ? std::optional<int>(w.count + 1) : std::nullopt;
    });
    if (done.result == Update::written) return std::nullopt;
    if (done.result == Update::declined) return done.wait;
    // So many writers at once on one subject is itself a burst worth slowing down.
    return std::chrono::seconds(1);
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    // Fails open: while the store is away nobody is throttled, rather than nobody served.
    spdlog::warn("attempt counter {} unavailable, not throttling: {}", rule.name, e.what());
    return std::nullopt;
  }
}

void AttemptLimiter::give_back(const AttemptRule& rule, const std::string& subject) {
  try {
    // Nothing to give back once the window it was taken in has passed.
    update(rule, subject, [](const Window& w, bool exists) {
      return exists && w.count > 0 ? std::optional<int>(w.count - 1) : std::nullopt;
    });
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    spdlog::warn("attempt counter {} unavailable, attempt not given back: {}", rule.name, e.what());
  }
}

}  // namespace todo::auth
