#pragma once
// The one door to libical's rule parser. libical reports errors through icalerrno (per thread in
// libical 3: a pthread key) and, when built with errors-are-fatal, aborts and prints to stderr;
// everything here makes sure it stays quiet and that a stale error from earlier work on the same
// thread is never mistaken for a new one.
#include <optional>
#include <string>

namespace todo::recurrence {

// Sets libical's process-wide error handling to "report, never abort or print". Idempotent and
// thread-safe; call before any other libical use (the functions here call it themselves).
void make_libical_quiet();

// nullopt when libical parses `rule` into a recurrence with a FREQ, else libical's reason.
std::optional<std::string> libical_rejects(const std::string& rule);

}  // namespace todo::recurrence
