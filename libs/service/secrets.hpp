#pragma once
// Reading a service's credentials through the Dapr secrets API at start-up.
#include <string>

#include "dapr/client.hpp"

namespace todo::service {

// The value of `key` in the secret store. Waits (retrying each second) while the sidecar or the
// store cannot answer yet; exits the process with status 2 when the secret is missing or empty,
// since the service cannot work without it and a restart will not help.
std::string read_secret(dapr::Client& dapr, const std::string& key);

}  // namespace todo::service
