#include "messages/email_message.hpp"

#include "messages/message_text.hpp"

namespace todo::notify {
namespace {

using detail::html_escape;
using detail::one_line;

// Titles in a subject are cut so the whole header stays readable in an inbox.
constexpr std::size_t kSubjectTitleCodePoints = 120;
constexpr const char* kDash = " \xE2\x80\x94 ";  // " — "

const char* const kBodyStyle =
    "margin:0;padding:24px;background-color:#f4f4f5;font-family:Arial,Helvetica,sans-serif;"
    "font-size:15px;line-height:1.5;color:#18181b";
const char* const kCardStyle =
    "max-width:560px;margin:0 auto;padding:24px;background-color:#ffffff;border:1px solid "
    "#e4e4e7;border-radius:8px";
const char* const kParagraphStyle = "margin:0 0 12px 0";
const char* const kButtonStyle =
    "display:inline-block;padding:10px 16px;background-color:#2563eb;color:#ffffff;"
    "text-decoration:none;border-radius:6px;font-weight:bold";
const char* const kLinkStyle = "color:#2563eb";

std::string priority_color(const std::string& priority) {
  if (priority == "urgent") return "#b91c1c";
  if (priority == "high") return "#c2410c";
  if (priority == "low") return "#52525b";
  return "#1d4ed8";
}

std::string subject_of(const ReminderNotice& n) {
  if (!n.missed.empty()) return std::to_string(n.missed.size()) + " missed reminders";
  std::string subject =
      "Reminder: " + detail::truncate_code_points(one_line(n.title), kSubjectTitleCodePoints);
  if (n.due_at) {
    subject += kDash;
    subject += "due " + detail::short_time(*n.due_at, n.time_zone, n.due_date_only);
    if (!n.due_date_only) subject += " (" + detail::display_zone(n.time_zone) + ")";
  }
  return one_line(subject);
}

std::string late_line(const ReminderNotice& n) {
  return "This reminder was sent late: it was set for " +
         detail::long_time(n.fire_at, n.time_zone) + ".";
}

std::string missed_summary(const ReminderNotice& n, const MissedItem& item) {
  return one_line(item.title) + kDash + detail::due_line(item.due_at, n.time_zone, false) +
         "; priority " + detail::normalized_priority(item.priority) + "; reminder set for " +
         detail::long_time(item.fire_at, n.time_zone);
}

// HTML for a possibly multi-line plain text: escaped, line breaks as <br>.
std::string html_lines(const std::string& text) {
  std::string out;
  std::string line;
  for (const char c : text) {
    if (c == '\n') {
      out += html_escape(one_line(line)) + "<br>";
      line.clear();
    } else if (c != '\r') {
      line.push_back(c);
    }
  }
  return out + html_escape(one_line(line));
}

std::string html_link(const std::string& url, const std::string& label, const char* style) {
  return "<a href=\"" + html_escape(url) + "\" style=\"" + style + "\">" + html_escape(label) +
         "</a>";
}

std::string paragraph(const std::string& inner_html, const char* style = kParagraphStyle) {
  return std::string("<p style=\"") + style + "\">" + inner_html + "</p>\n";
}

std::string text_single(const ReminderNotice& n) {
  std::string text = one_line(n.title) + "\n\n";
  text += detail::due_line(n.due_at, n.time_zone, n.due_date_only) + "\n";
  text += "Priority: " + detail::normalized_priority(n.priority) + "\n";
  if (n.late) text += late_line(n) + "\n";
  if (!n.description.empty()) text += "\n" + n.description + "\n";
  text += "\n";
  if (!n.task_link.empty()) text += "Open the task: " + n.task_link + "\n";
  text += "Snooze or dismiss: " + n.notification_link + "\n";
  return text;
}

std::string html_single(const ReminderNotice& n) {
  const std::string priority = detail::normalized_priority(n.priority);
  std::string body = "<h1 style=\"margin:0 0 12px 0;font-size:20px;line-height:1.3\">" +
                     html_escape(one_line(n.title)) + "</h1>\n";
  body += paragraph(html_escape(detail::due_line(n.due_at, n.time_zone, n.due_date_only)));
  body += paragraph("Priority: <strong style=\"color:" + priority_color(priority) + "\">" +
                    html_escape(priority) + "</strong>");
  if (n.late) body += paragraph(html_escape(late_line(n)));
  if (!n.description.empty()) {
    body += paragraph(html_lines(n.description),
                      "margin:0 0 12px 0;padding:8px 12px;border-left:3px solid #d4d4d8;"
                      "color:#3f3f46");
  }
  if (!n.task_link.empty())
    body += paragraph(html_link(n.task_link, "Open the task", kButtonStyle));
  body += paragraph("Snooze or dismiss: " +
                    html_link(n.notification_link, n.notification_link, kLinkStyle));
  return body;
}

std::string text_digest(const ReminderNotice& n) {
  std::string text = "You missed " + std::to_string(n.missed.size()) + " reminders:\n\n";
  for (const MissedItem& item : n.missed) {
    text += "- " + missed_summary(n, item) + "\n";
    const std::string link = detail::task_link_for(n, item.task_id);
    if (!link.empty()) text += "  " + link + "\n";
  }
  text += "\nSnooze or dismiss: " + n.notification_link + "\n";
  return text;
}

std::string html_digest(const ReminderNotice& n) {
  std::string body = "<h1 style=\"margin:0 0 12px 0;font-size:20px;line-height:1.3\">" +
                     std::to_string(n.missed.size()) + " missed reminders</h1>\n";
  body += "<ul style=\"margin:0 0 12px 0;padding-left:20px\">\n";
  for (const MissedItem& item : n.missed) {
    const std::string link = detail::task_link_for(n, item.task_id);
    const std::string title = html_escape(one_line(item.title));
    body += "<li style=\"margin:0 0 8px 0\"><strong>" +
            (link.empty() ? title
                          : "<a href=\"" + html_escape(link) + "\" style=\"" + kLinkStyle + "\">" +
                                title + "</a>") +
            "</strong><br>" + html_escape(detail::due_line(item.due_at, n.time_zone, false)) +
            "<br>Priority: " + html_escape(detail::normalized_priority(item.priority)) +
            "; reminder set for " + html_escape(detail::long_time(item.fire_at, n.time_zone)) +
            "</li>\n";
  }
  body += "</ul>\n";
  body += paragraph("Snooze or dismiss: " +
                    html_link(n.notification_link, n.notification_link, kLinkStyle));
  return body;
}

std::string html_document(const std::string& subject, const std::string& body) {
  return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escape(subject) + "</title>\n</head>\n<body style=\"" + kBodyStyle +
         "\">\n<div style=\"" + kCardStyle + "\">\n" + body + "</div>\n</body>\n</html>\n";
}

}  // namespace

EmailMessage render_email(const ReminderNotice& notice) {
  EmailMessage message;
  message.subject = subject_of(notice);
  const bool digest = !notice.missed.empty();
  message.text = digest ? text_digest(notice) : text_single(notice);
  message.html = html_document(message.subject, digest ? html_digest(notice) : html_single(notice));
  return message;
}

}  // namespace todo::notify
