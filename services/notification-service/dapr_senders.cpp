#include "dapr_senders.hpp"

#include "binding_errors.hpp"
#include "dapr/client.hpp"
#include "ids/uuid.hpp"
#include "messages/email_message.hpp"
#include "messages/push_message.hpp"
#include "messages/verification_email.hpp"
#include "notice_builder.hpp"
#include "time/instant.hpp"
#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

// A binding call that failed: retried while the failure may pass (binding_errors.hpp), marked
// failed at once when the server refused this very message.
SendResult failure_of(const dapr::DaprError& e) {
  const std::string message = e.what();
  return {classify_binding_error(message), message.substr(0, 500)};
}

}  // namespace

std::string EmailSender::unavailable_reason(const Profile& profile) const {
  if (!profile.channels.email) return "email is turned off";
  if (profile.channels.email_address.empty()) return "no email address is known";
  if (!profile.channels.email_verified) return "the email address is not verified yet";
  return "";
}

SendResult EmailSender::send(const ReminderNotice& notice, const Profile& profile) {
  const EmailMessage message = render_email(notice);
  try {
    // The smtp binding takes the body as the request data and sends it as text/html.
    dapr_.invoke_binding(kEmailBinding, "create", message.html,
                         {{"emailTo", profile.channels.email_address},
                          {"subject", message.subject},
                          {"priority", notice.priority == "urgent" ? "1" : "3"}});
    return {};
  } catch (const dapr::DaprError& e) {
    return failure_of(e);
  }
}

SendResult send_verification_email(dapr::Client& dapr,
                                   const events::EmailVerificationRequested& request) {
  const EmailMessage message = render_verification_email(request);
  try {
    dapr.invoke_binding(kEmailBinding, "create", message.html,
                        {{"emailTo", request.address}, {"subject", message.subject}});
    return {};
  } catch (const dapr::DaprError& e) {
    return failure_of(e);
  }
}

std::string NtfySender::unavailable_reason(const Profile& profile) const {
  if (!profile.channels.push) return "push is turned off";
  if (profile.channels.push_topic.empty()) return "no push topic is set";
  return "";
}

SendResult NtfySender::send(const ReminderNotice& notice, const Profile& profile) {
  try {
    dapr_.invoke_binding(kNtfyBinding, "post", render_ntfy(notice, profile.channels.push_topic),
                         {{"Content-Type", "application/json"}});
    return {};
  } catch (const dapr::DaprError& e) {
    return failure_of(e);
  }
}

std::string InAppSender::unavailable_reason(const Profile& profile) const {
  return profile.channels.in_app ? "" : "in-app notifications are turned off";
}

SendResult InAppSender::send(const ReminderNotice& notice, const Profile&) {
  // A raw CloudEvent with a deterministic id: a repeated send is one event to the browsers.
  nlohmann::json event = {
      {"specversion", "1.0"},
      {"id", "notification:" + notice.notification_id},
      {"source", "notification-service"},
      {"type", kNotificationCreatedType},
      {"datacontenttype", "application/json"},
      {"time", time::format_rfc3339(time::instant_now())},
      {"data",
       {{"user_id", notice.user_id},
        {"notification", inbox_item(notice, {{"in_app", "sent"}}, time::instant_now())}}}};
  try {
    publisher_.publish_cloud_event(events::kTaskUpdatesTopic, notice.user_id, event);
    return {};
  } catch (const dapr::DaprError& e) {
    return failure_of(e);
  }
}

}  // namespace todo::notify
