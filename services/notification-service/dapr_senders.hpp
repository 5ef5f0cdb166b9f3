#pragma once
// The channels as the running service sends them, all through the Dapr sidecar:
//   email   output binding `email` (bindings.smtp; credentials from the secret store)
//   push    output binding `push-ntfy` (bindings.http pointed at the ntfy server)
//   in_app  a todo.notification.created.v1 event on `task-updates` (open browsers show it)
#include <nlohmann/json.hpp>

#include "channel_sender.hpp"
#include "dapr/publisher.hpp"
#include "events/user_event.hpp"

namespace todo::dapr {
class Client;
}

namespace todo::notify {

inline constexpr const char* kEmailBinding = "email";
inline constexpr const char* kNtfyBinding = "push-ntfy";
inline constexpr const char* kNotificationCreatedType = "todo.notification.created.v1";

class EmailSender : public ChannelSender {
 public:
  explicit EmailSender(dapr::Client& dapr) : dapr_(dapr) {}
  const char* name() const override { return "email"; }
  std::string unavailable_reason(const Profile& profile) const override;
  SendResult send(const ReminderNotice& notice, const Profile& profile) override;

 private:
  dapr::Client& dapr_;
};

// The verification mail (messages/verification_email.hpp): the one mail sent to an address that
// is not verified, since it is how the address becomes verified.
SendResult send_verification_email(dapr::Client& dapr,
                                   const events::EmailVerificationRequested& request);

class NtfySender : public ChannelSender {
 public:
  explicit NtfySender(dapr::Client& dapr) : dapr_(dapr) {}
  const char* name() const override { return "push"; }
  std::string unavailable_reason(const Profile& profile) const override;
  SendResult send(const ReminderNotice& notice, const Profile& profile) override;

 private:
  dapr::Client& dapr_;
};

// The event carries the inbox item (the same one the inbox API lists), keyed by its user.
class InAppSender : public ChannelSender {
 public:
  explicit InAppSender(dapr::Publisher publisher) : publisher_(std::move(publisher)) {}
  const char* name() const override { return "in_app"; }
  std::string unavailable_reason(const Profile& profile) const override;
  SendResult send(const ReminderNotice& notice, const Profile& profile) override;

 private:
  dapr::Publisher publisher_;
};

}  // namespace todo::notify
