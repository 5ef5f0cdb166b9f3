#pragma once
// The shared record of ended sessions (auth/session_revocations.hpp) in the Dapr state store
// `sessionstore`: a component whose keys carry no app-id prefix, scoped to the services that
// issue or verify access tokens (dapr/*/resources/sessionstore.yaml).
#include <memory>

#include "auth/session_revocations.hpp"
#include "dapr/client.hpp"

namespace todo::service {

inline constexpr const char* kSessionStore = "sessionstore";

std::unique_ptr<auth::SessionRevocations> session_revocations(dapr::Client& dapr);

}  // namespace todo::service
