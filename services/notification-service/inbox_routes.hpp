#pragma once
// The inbox API, reached by Dapr invocation from the frontend (docs/api/openapi.yaml):
//   GET  /api/v1/notifications[?limit=50&unread=true]   newest first, with channel statuses
//   POST /api/v1/notifications/{id}/read
//   POST /api/v1/notifications/read-all
//   POST /api/v1/notifications/{id}/snooze   {"for"|"until"|"until_local"|"preset"}
//   POST /api/v1/notifications/{id}/dismiss
// Every route needs the caller's access token; another user's notification is a 404.
#include <functional>

#include "auth/tokens.hpp"
#include "events/task_command.hpp"
#include "http/server.hpp"
#include "inbox.hpp"
#include "profile_projection.hpp"

namespace todo::notify {

// Sends a snooze command to task-service (on task-commands); throws on failure.
using SnoozeCommandSender = std::function<void(const events::SnoozeTask&)>;

void install_inbox_routes(http::Server& server, dapr::StateStore& store,
                          const auth::TokenIssuer& tokens, SnoozeCommandSender send_snooze);

}  // namespace todo::notify
