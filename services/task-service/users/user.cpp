#include "users/user.hpp"

#include "users/channels.hpp"

namespace todo::tasksvc {

nlohmann::json to_json(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"time_zone", user.time_zone},
          {"channels", public_channels(effective_channels(user.channels, user.email))},
          {"created_at", user.created_at}};
}

}  // namespace todo::tasksvc
