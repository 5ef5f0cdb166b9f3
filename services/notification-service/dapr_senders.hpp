#pragma once
// The channels as the running service sends them, all through the Dapr sidecar:
//   email   output binding `email` (bindings.smtp; credentials from the secret store)
//   push    output binding `push-ntfy` (bindings.http pointed at the ntfy server)
//   in_app  a todo.notification.created.v1 event on `task-updates` (open browsers show it)
#include <nlohmann/json.hpp>

#include "channel_sender.hpp"
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

// `item_for` builds the inbox item the event carries (the same one the inbox API lists).
class InAppSender : public ChannelSender {
 public:
  InAppSender(dapr::Client& dapr, std::string pubsub) : dapr_(dapr), pubsub_(std::move(pubsub)) {}
  const char* name() const override { return "in_app"; }
  std::string unavailable_reason(const Profile& profile) const override;
  SendResult send(const ReminderNotice& notice, const Profile& profile) override;

 private:
  dapr::Client& dapr_;
  std::string pubsub_;
};

}  // namespace todo::notify
