#pragma once
#include "db/pool.hpp"

namespace todo::tasksvc {

// Brings task-service's schema to the newest version. Safe with several instances starting
// at once: the work runs under a PostgreSQL advisory lock, each version exactly once.
void migrate(Pool& pool);

}  // namespace todo::tasksvc
