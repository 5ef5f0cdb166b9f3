#pragma once
// The reminder e-mail: a subject and two bodies (plain text and HTML) carrying the same facts.
// Pure: the caller hands the result to the Dapr SMTP output binding.
#include <string>

#include "messages/reminder_notice.hpp"

namespace todo::notify {

struct EmailMessage {
  std::string subject;  // one line: no CR, LF or other control character
  std::string text;     // text/plain; charset=utf-8
  std::string html;     // text/html; charset=utf-8, every user-supplied string escaped
};

// "Reminder: Pay rent — due Tue 1 Dec, 09:00 (Europe/Berlin)", "Reminder: Pay rent" without a
// due time, "3 missed reminders" for a digest. Every time is local to notice.time_zone.
EmailMessage render_email(const ReminderNotice& notice);

}  // namespace todo::notify
