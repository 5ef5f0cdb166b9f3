#pragma once
// The /api/v1/tasks and /api/v1/tags routes (see docs/api/openapi.yaml).
#include "app/task_operations.hpp"
#include "auth/tokens.hpp"
#include "db/pool.hpp"
#include "http/server.hpp"
#include "users/user_store.hpp"

namespace todo::tasksvc {

void install_task_routes(http::Server& server, TaskOperations& ops, Pool& pool, UserStore& users,
                         const auth::TokenIssuer& tokens);

}  // namespace todo::tasksvc
