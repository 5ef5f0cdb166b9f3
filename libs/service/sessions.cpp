#include "service/sessions.hpp"

namespace todo::service {
namespace {

std::string ended_key(const std::string& session_id) {
  return "session-ended-" + session_id;
}

}  // namespace

std::unique_ptr<auth::SessionRevocations> session_revocations(dapr::Client& dapr) {
  return std::make_unique<auth::SessionRevocations>(
      [&dapr](const std::string& session_id) {
        return dapr.get_state(kSessionStore, ended_key(session_id)).has_value();
      },
      [&dapr](const std::string& session_id, std::chrono::seconds keep_for) {
        dapr::StateWrite write;
        write.key = ended_key(session_id);
        write.value = true;
        write.metadata["ttlInSeconds"] = std::to_string(keep_for.count());
        dapr.save_state(kSessionStore, {write});
      });
}

}  // namespace todo::service
