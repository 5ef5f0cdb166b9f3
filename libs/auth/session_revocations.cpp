#include "auth/session_revocations.hpp"

#include <spdlog/spdlog.h>

#include "http/dependency_error.hpp"

namespace todo::auth {
namespace {
// A cache, bounded: past this many sessions it starts again empty.
constexpr std::size_t kMaxKnownSessions = 100000;
}  // namespace

SessionRevocations::SessionRevocations(IsEnded is_ended, RecordEnd record_end,
                                       std::chrono::milliseconds recheck_after, Clock clock)
    : is_ended_(std::move(is_ended)),
      record_end_(std::move(record_end)),
      recheck_after_(recheck_after),
      clock_(std::move(clock)) {}

bool SessionRevocations::ended(const std::string& session_id) {
  const auto now = clock_();
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = known_.find(session_id);
    if (it != known_.end() && (it->second.ended || now - it->second.checked < recheck_after_)) {
      return it->second.ended;
    }
  }
  bool is_ended = false;
  try {
    is_ended = is_ended_(session_id);
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    // Fails open: a sidecar or store that is away must not stop every signed-in request (the
    // outbox keeps task-service writable without its sidecar). Tokens live 15 minutes at most.
    spdlog::warn("cannot ask whether session {} ended, taking it as live: {}", session_id,
                 e.what());
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (known_.size() >= kMaxKnownSessions) known_.clear();
  known_[session_id] = {is_ended, now};
  return is_ended;
}

void SessionRevocations::end(const std::string& session_id, std::chrono::seconds keep_for) {
  try {
    record_end_(session_id, keep_for);
  } catch (const http::DependencyError& e) {
    if (!e.transient()) throw;
    // The session's refresh tokens are revoked already; its access tokens stay valid elsewhere
    // until they expire.
    spdlog::error("could not record the end of session {}: {}", session_id, e.what());
  }
  std::lock_guard<std::mutex> lock(mu_);
  known_[session_id] = {true, clock_()};
}

}  // namespace todo::auth
