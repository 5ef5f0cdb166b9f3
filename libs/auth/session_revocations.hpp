#pragma once
// Sessions that ended before their access tokens expired: by logout, or because a spent refresh
// token of theirs was used again (a sign of theft; OAuth 2.0 Security BCP 4.14.2). Access tokens
// are verified without a database, so each verifying service (task-service, notification-
// service) asks a store they share; a session id is remembered for a second so a busy user
// costs one lookup a second, and an ending takes effect everywhere within that second.
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace todo::auth {

class SessionRevocations {
 public:
  // True when the shared store holds the session as ended; throws a transient
  // http::DependencyError when the store cannot be asked (ended() then takes the session as
  // live for the next second: it fails open, and says so in the log).
  using IsEnded = std::function<bool(const std::string& session_id)>;
  // Records the session as ended, kept for `keep_for` (the access-token lifetime: after that no
  // token of the session is valid anyway).
  using RecordEnd =
      std::function<void(const std::string& session_id, std::chrono::seconds keep_for)>;
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  SessionRevocations(IsEnded is_ended, RecordEnd record_end,
                     std::chrono::milliseconds recheck_after = std::chrono::seconds(1),
                     Clock clock = std::chrono::steady_clock::now);

  bool ended(const std::string& session_id);
  void end(const std::string& session_id, std::chrono::seconds keep_for);

 private:
  struct Known {
    bool ended;
    std::chrono::steady_clock::time_point checked;
  };
  IsEnded is_ended_;
  RecordEnd record_end_;
  std::chrono::milliseconds recheck_after_;
  Clock clock_;
  std::mutex mu_;
  std::unordered_map<std::string, Known> known_;
};

}  // namespace todo::auth
