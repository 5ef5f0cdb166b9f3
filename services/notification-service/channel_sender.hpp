#pragma once
// One delivery channel: renders a due reminder for it and hands it to the outside world.
#include <string>

#include "messages/reminder_notice.hpp"
#include "profile_projection.hpp"

namespace todo::notify {

enum class SendOutcome {
  sent,
  transient_failure,  // the server or sidecar is down or busy: retried later
  permanent_failure,  // this message can never be delivered: marked failed at once
};

struct SendResult {
  SendOutcome outcome = SendOutcome::sent;
  std::string error;
};

class ChannelSender {
 public:
  virtual ~ChannelSender() = default;
  virtual const char* name() const = 0;  // "email" | "push" | "in_app"
  // Why this user cannot get this channel ("" when they can): turned off, or no target.
  virtual std::string unavailable_reason(const Profile& profile) const = 0;
  virtual SendResult send(const ReminderNotice& notice, const Profile& profile) = 0;
};

}  // namespace todo::notify
