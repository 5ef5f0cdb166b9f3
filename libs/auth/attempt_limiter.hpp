#pragma once
// Counts attempts at something an attacker would repeat (logins, sign-ups, refreshes) per
// subject (an address, an account) in fixed windows, in a store every replica shares, so a
// limit holds however many task-service replicas answer (OWASP ASVS 2.2.1).
#include <chrono>
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

  // How long `subject` must wait before `rule` allows another attempt; nullopt when it may try.
  // A store that is away (a transient http::DependencyError) throttles nobody: it fails open.
  std::optional<std::chrono::seconds> retry_after(const AttemptRule& rule,
                                                  const std::string& subject);
  // Counts one attempt of `subject` under `rule`.
  void record(const AttemptRule& rule, const std::string& subject);

  // Counts one attempt before it is made, in one compare-and-set: nullopt when it was counted
  // and may go ahead, the wait otherwise. Checking first and recording after the attempt let
  // concurrent attempts all pass the check (60 concurrent wrong passwords got 32 checks with a
  // limit of 10). Writers that keep losing the race are told to wait a second; a store that is
  // away fails open, as retry_after.
  std::optional<std::chrono::seconds> take(const AttemptRule& rule, const std::string& subject);
  // Uncounts an attempt taken with take() that turned out not to count (a right password).
  void give_back(const AttemptRule& rule, const std::string& subject);

 private:
  AttemptStore& store_;
  Clock clock_;
};

}  // namespace todo::auth
