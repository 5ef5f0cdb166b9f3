#include "messages/fcm_message.hpp"

#include <nlohmann/json.hpp>

#include "messages/message_text.hpp"
#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::string fcm_title(const ReminderNotice& n) {
  if (!n.missed.empty()) return std::to_string(n.missed.size()) + " missed reminders";
  return detail::truncate_utf8(detail::one_line(n.title), kFcmTitleMaxBytes);
}

std::string fcm_body(const ReminderNotice& n) {
  std::string text;
  if (!n.missed.empty()) {
    for (const MissedItem& item : n.missed) {
      if (!text.empty()) text += "\n";
      text += detail::one_line(item.title);
      if (item.due_at) text += " (due " + detail::short_time(*item.due_at, n.time_zone) + ")";
    }
    return detail::truncate_utf8(text, kFcmBodyMaxBytes);
  }
  if (n.due_at) {
    text = "Due " + detail::short_time(*n.due_at, n.time_zone, n.due_date_only);
    if (!n.due_date_only) text += " (" + detail::display_zone(n.time_zone) + ")";
  } else {
    text = "No due date";
  }
  if (!n.description.empty()) text += "\n" + n.description;
  return detail::truncate_utf8(text, kFcmBodyMaxBytes);
}

}  // namespace

HttpRequestSpec render_fcm(const ReminderNotice& notice, const FcmTarget& target,
                           const std::string& access_token) {
  const std::string priority = detail::highest_priority(notice);
  const bool high = priority == "high" || priority == "urgent";

  // FCM data values must all be strings.
  nlohmann::json data = {
      {"type", "reminder"},
      {"task_id", notice.task_id},
      {"notification_id", notice.notification_id},
      {"click_link", notice.task_link},
      {"notification_link", notice.notification_link},
      {"priority", priority},
      {"due_at", notice.due_at ? time::format_rfc3339(*notice.due_at) : std::string()},
      {"missed_count", std::to_string(notice.missed.size())},
  };
  nlohmann::json message = {
      {"token", target.device_token},
      {"notification", {{"title", fcm_title(notice)}, {"body", fcm_body(notice)}}},
      {"data", data},
      {"android",
       {{"priority", high ? "high" : "normal"},
        {"notification", {{"tag", notice.notification_id}}}}},
      {"apns", {{"headers", {{"apns-priority", high ? "10" : "5"}}}}},
  };
  if (starts_with(notice.task_link, "https://")) {
    message["webpush"] = {{"fcm_options", {{"link", notice.task_link}}}};
  }

  HttpRequestSpec request;
  request.method = "POST";
  request.url = "https://fcm.googleapis.com/v1/projects/" +
                google::percent_encode(target.project_id) + "/messages:send";
  request.headers = {{"Authorization", "Bearer " + access_token},
                     {"Content-Type", "application/json; UTF-8"}};
  // Replace rather than throw on invalid UTF-8 in user text: a reminder must always render.
  request.body = nlohmann::json{{"message", message}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return request;
}

std::string fcm_oauth_assertion(const ServiceAccount& account, time::Instant now) {
  return google::oauth_assertion(account, kFcmScope, now);
}

}  // namespace todo::notify
