#pragma once
// The ntfy publish body for one due reminder (https://docs.ntfy.sh/publish/#publish-as-json):
// POSTed as JSON to the ntfy server's root URL.
#include <nlohmann/json.hpp>
#include <string>

#include "messages/reminder_notice.hpp"

namespace todo::notify {

// Most bytes of the "message" field (ntfy's default message limit is 4096 bytes; a phone shows
// far fewer). Cut on a UTF-8 code point boundary, ending in "…".
inline constexpr std::size_t kNtfyMessageMaxBytes = 1024;
inline constexpr std::size_t kNtfyTitleMaxBytes = 250;

// ntfy priority: urgent 5, high 4, medium 3, low 2 (anything else counts as medium).
int ntfy_priority(const std::string& priority);

// {"topic", "title", "message", "priority", "tags", "click", "actions"}: the title names the task
// (or counts a digest's reminders), the message gives the local due time and the description;
// clicking opens the task, the one action opens the snooze / dismiss page.
nlohmann::json render_ntfy(const ReminderNotice& notice, const std::string& topic);

}  // namespace todo::notify
