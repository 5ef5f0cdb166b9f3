#pragma once
// Internal to the message renderers: the wording and the string hygiene every channel shares.
#include <optional>
#include <string>
#include <string_view>

#include "messages/reminder_notice.hpp"
#include "time/instant.hpp"

namespace todo::notify::detail {

// `zone` when it is a known IANA zone, else "UTC" (a notice must render whatever the input).
std::string display_zone(const std::string& zone);

// "Tuesday 1 December 2026 at 09:00 (Europe/Berlin)"; date-only: "Tuesday 1 December 2026".
std::string long_time(time::Instant instant, const std::string& zone, bool date_only = false);
// "Tue 1 Dec, 09:00"; date-only: "Tue 1 Dec".
std::string short_time(time::Instant instant, const std::string& zone, bool date_only = false);

// "Due <long_time>" or "No due date".
std::string due_line(const std::optional<time::Instant>& due_at, const std::string& zone,
                     bool date_only);

// One line of plain text: every ASCII control character (CR, LF, TAB, ...) and DEL becomes a
// space, runs of spaces collapse to one, and the ends are trimmed. What goes into a mail header.
std::string one_line(std::string_view text);

// At most `max_bytes` bytes of UTF-8, cut on a code point boundary; a shortened text ends with
// "…" (counted in the limit). A text that fits is returned unchanged.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// At most `max_code_points` code points, "…" included when shortened.
std::string truncate_code_points(std::string_view text, std::size_t max_code_points);

// & < > " ' as HTML character references: safe in element content and quoted attributes.
std::string html_escape(std::string_view text);

// low|medium|high|urgent; anything else counts as medium.
std::string normalized_priority(const std::string& priority);
// 1 low, 2 medium, 3 high, 4 urgent.
int priority_rank(const std::string& priority);
// The highest priority among the notice and its missed reminders.
std::string highest_priority(const ReminderNotice& notice);

// The link to a missed reminder's task: the notice's task link with its task id swapped, when the
// link ends in "/<task_id>"; empty otherwise.
std::string task_link_for(const ReminderNotice& notice, const std::string& task_id);

}  // namespace todo::notify::detail
