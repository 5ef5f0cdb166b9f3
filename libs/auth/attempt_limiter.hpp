#pragma once
// Counts attempts at something an attacker would repeat (logins, sign-ups, refreshes) per
// subject (an address, an account) in fixed windows, in a store every replica shares, so a
// limit holds however many task-service replicas answer (OWASP ASVS 2.2.1).
#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace todo::auth {

struct AttemptRule {
  const char* name;  // part of the store key: one counter per rule and subject
  int limit;         // attempts allowed per window
  std::chrono::seconds window;
};

// The shared store of counters (the Dapr state store in the services, a map in tests).
class AttemptStore {
 public:
  struct Stored {
    nlohmann::json value;
    std::string etag;
  };
  virtual ~AttemptStore() = default;
  virtual std::optional<Stored> load(const std::string& key) = 0;
  // Writes `value` if the key is unchanged since `etag` was read (nullopt: if it does not exist
  // yet), kept for `ttl`. False when another writer came first.
  virtual bool save(const std::string& key, const nlohmann::json& value,
                    const std::optional<std::string>& etag, std::chrono::seconds ttl) = 0;
};

class AttemptLimiter {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  explicit AttemptLimiter(AttemptStore& store, Clock clock = std::chrono::system_clock::now);

  // Counts one attempt before it is made, in one compare-and-set: nullopt when it was counted
  // and may go ahead, the wait otherwise. Checking first and recording after the attempt let
  // concurrent attempts all pass the check (60 concurrent wrong passwords got 32 checks with a
  // limit of 10). Writers that keep losing the race are told to wait a second; a store that is
  // away (a transient http::DependencyError) throttles nobody: it fails open.
  std::optional<std::chrono::seconds> take(const AttemptRule& rule, const std::string& subject);
  // Uncounts an attempt taken with take() that turned out not to count (a right password).
  void give_back(const AttemptRule& rule, const std::string& subject);

  // A counter's fixed window (public for the helpers of attempt_limiter.cpp).
  struct Window {
    std::int64_t start = 0;
    int count = 0;
  };

 private:
  struct Update {
    enum Result { written, declined, contended } result;
    std::chrono::seconds wait;  // declined: until the window ends
  };
  // The compare-and-set loop over one counter: `next(window, exists)` says the count to write,
  // or nullopt to write nothing.
  template <class Next>
  Update update(const AttemptRule& rule, const std::string& subject, Next next);

  AttemptStore& store_;
  Clock clock_;
};

}  // namespace todo::auth
