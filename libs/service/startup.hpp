#pragma once
// The one start-up wait: work a service must finish before it serves (migrating its database,
// loading its schedule) is retried until it succeeds, with a growing pause, because what it
// needs (PostgreSQL, the sidecar, the state store) may start after it. SIGTERM still ends the
// process meanwhile: the runtime's handlers are not installed yet, so the default action applies.
#include <chrono>
#include <functional>
#include <string>

namespace todo::service {

struct StartupBackoff {
  std::chrono::milliseconds first{1000};
  std::chrono::milliseconds max{5000};  // short: a dependency that is back is used soon
};

using Pause = std::function<void(std::chrono::milliseconds)>;

// Runs `attempt` until it returns without throwing. After a failure it logs a warning naming
// `what` (the first failure, then every tenth, so a long wait does not flood the log) and
// pauses: `first`, doubling up to `max`. Returns the number of attempts made.
int retry_until_done(const std::string& what, const std::function<void()>& attempt,
                     StartupBackoff backoff = {});
// The same with the pause given, so tests need not sleep.
int retry_until_done(const std::string& what, const std::function<void()>& attempt,
                     const Pause& pause, StartupBackoff backoff = {});

}  // namespace todo::service
