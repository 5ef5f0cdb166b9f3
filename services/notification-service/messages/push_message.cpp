#include "messages/push_message.hpp"

#include "messages/message_text.hpp"

namespace todo::notify {
namespace {

std::string ntfy_title(const ReminderNotice& n) {
  if (!n.missed.empty()) return std::to_string(n.missed.size()) + " missed reminders";
  return detail::truncate_utf8("Reminder: " + detail::one_line(n.title), kNtfyTitleMaxBytes);
}

std::string ntfy_text(const ReminderNotice& n) {
  std::string text;
  if (!n.missed.empty()) {
    for (const MissedItem& item : n.missed) {
      if (!text.empty()) text += "\n";
      text += "\xE2\x80\xA2 " + detail::one_line(item.title);  // "• title"
      if (item.due_at) text += " (due " + detail::short_time(*item.due_at, n.time_zone) + ")";
    }
    return text + "\nTimes in " + detail::display_zone(n.time_zone);
  }
  if (n.due_at) {
    text = "Due " + detail::short_time(*n.due_at, n.time_zone, n.due_date_only);
    if (!n.due_date_only) text += " (" + detail::display_zone(n.time_zone) + ")";
  } else {
    text = "No due date";
  }
  if (n.late) text += " \xE2\x80\x94 sent late";
  if (!n.description.empty()) text += "\n" + n.description;
  return text;
}

}  // namespace

int ntfy_priority(const std::string& priority) {
  return detail::priority_rank(priority) + 1;
}

nlohmann::json render_ntfy(const ReminderNotice& notice, const std::string& topic) {
  const std::string priority = detail::highest_priority(notice);
  nlohmann::json tags = nlohmann::json::array({"alarm_clock"});
  if (priority == "urgent") tags.push_back("warning");
  nlohmann::json body = {
      {"topic", topic},
      {"title", ntfy_title(notice)},
      {"message", detail::truncate_utf8(ntfy_text(notice), kNtfyMessageMaxBytes)},
      {"priority", ntfy_priority(priority)},
      {"tags", tags},
  };
  if (!notice.task_link.empty()) body["click"] = notice.task_link;
  body["actions"] = nlohmann::json::array(
      {{{"action", "view"}, {"label", "Snooze / dismiss"}, {"url", notice.notification_link}}});
  return body;
}

}  // namespace todo::notify
