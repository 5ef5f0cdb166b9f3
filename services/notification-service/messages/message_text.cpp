#include "messages/message_text.hpp"

#include <array>

#include "text/utf8.hpp"
#include "time/calendar.hpp"
#include "time/time_zone.hpp"

namespace todo::notify::detail {
namespace {

// In time::Weekday's order, Monday first.
constexpr std::array<const char*, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
constexpr const char* kEllipsis = "\xE2\x80\xA6";  // U+2026, 3 bytes
constexpr std::size_t kEllipsisBytes = 3;

struct WallParts {
  time::LocalDue local;
  std::string zone;
  std::size_t weekday = 0;  // index into kWeekdays
  int hour = 0, minute = 0;
};

WallParts wall_parts(time::Instant instant, const std::string& zone) {
  WallParts parts;
  parts.zone = display_zone(zone);
  parts.local = time::to_local(instant, parts.zone);
  parts.weekday = static_cast<std::size_t>(time::weekday_of(parts.local.date));
  const auto seconds = parts.local.time_of_day.value_or(std::chrono::seconds{0}).count();
  parts.hour = static_cast<int>(seconds / 3600);
  parts.minute = static_cast<int>(seconds % 3600 / 60);
  return parts;
}

std::string two_digits(int value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace

std::string display_zone(const std::string& zone) {
  return time::is_valid_time_zone(zone) ? zone : std::string("UTC");
}

std::string long_time(time::Instant instant, const std::string& zone, bool date_only) {
  const WallParts p = wall_parts(instant, zone);
  std::string text = std::string(kWeekdays[p.weekday]) + " " + std::to_string(p.local.date.day) +
                     " " + kMonths[p.local.date.month - 1] + " " +
                     std::to_string(p.local.date.year);
  if (date_only) return text;
  return text + " at " + two_digits(p.hour) + ":" + two_digits(p.minute) + " (" + p.zone + ")";
}

std::string short_time(time::Instant instant, const std::string& zone, bool date_only) {
  const WallParts p = wall_parts(instant, zone);
  std::string text = std::string(kWeekdays[p.weekday]).substr(0, 3) + " " +
                     std::to_string(p.local.date.day) + " " +
                     std::string(kMonths[p.local.date.month - 1]).substr(0, 3);
  if (date_only) return text;
  return text + ", " + two_digits(p.hour) + ":" + two_digits(p.minute);
}

std::string due_line(const std::optional<time::Instant>& due_at, const std::string& zone,
                     bool date_only) {
  if (!due_at) return "No due date";
  return "Due " + long_time(*due_at, zone, date_only);
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool blank = byte < 0x20 || byte == 0x7F || byte == ' ';
    if (blank) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  if (max_bytes < kEllipsisBytes) return std::string();
  std::size_t cut = max_bytes - kEllipsisBytes;
  // Back up to the lead byte of the code point that would be split.
  while (cut > 0 && is_continuation(static_cast<unsigned char>(text[cut]))) --cut;
  return std::string(text.substr(0, cut)) + kEllipsis;
}

std::string truncate_code_points(std::string_view text, std::size_t max_code_points) {
  if (text::utf8_prefix(text, max_code_points).size() == text.size()) return std::string(text);
  if (max_code_points == 0) return std::string();
  return text::utf8_prefix(text, max_code_points - 1) + kEllipsis;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string normalized_priority(const std::string& priority) {
  if (priority == "low" || priority == "high" || priority == "urgent") return priority;
  return "medium";
}

int priority_rank(const std::string& priority) {
  const std::string p = normalized_priority(priority);
  if (p == "low") return 1;
  if (p == "high") return 3;
  if (p == "urgent") return 4;
  return 2;
}

std::string highest_priority(const ReminderNotice& notice) {
  std::string best = normalized_priority(notice.priority);
  for (const MissedItem& item : notice.missed) {
    if (priority_rank(item.priority) > priority_rank(best))
      best = normalized_priority(item.priority);
  }
  return best;
}

std::string task_link_for(const ReminderNotice& notice, const std::string& task_id) {
  const std::string suffix = "/" + notice.task_id;
  const std::string& link = notice.task_link;
  if (notice.task_id.empty() || link.size() < suffix.size() ||
      link.compare(link.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return std::string();
  }
  return link.substr(0, link.size() - notice.task_id.size()) + task_id;
}

}  // namespace todo::notify::detail
