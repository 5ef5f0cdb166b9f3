#pragma once
// Quick add: one line of English read as a task, as the best todo apps do it.
//
//   "Pay rent every month on the 1st at 9am p1 #bills remind 1 day before"
//   -> title "Pay rent", due the next 1st at 09:00 local, monthly on the 1st, priority urgent,
//      tag "bills", a reminder one day before
//
// The result is a POST /api/v1/tasks body plus every recognised phrase with its position, so a
// client can highlight what was understood before saving. Case-insensitive; what does not parse
// stays in the title. docs/quick-add.md is the users' description of the grammar and its rules.
#include <chrono>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::quickadd {

enum class PartKind { due, time, recurrence, priority, tag, reminder };

// "due", "time", "recurrence", "priority", "tag", "reminder".
std::string to_string(PartKind kind);

// A recognised phrase. [start, end) are UTF-16 code-unit offsets into the input, the indices a
// JavaScript string uses ("☕" is one unit, "🎉" two), so a browser can highlight the phrase.
struct Part {
  PartKind kind = PartKind::due;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;  // the phrase as typed
};

struct QuickAdd {
  // The create body: "title" always; "time_zone" always (the zone the text was read in); "due"
  // (local date or date-time), "priority", "tags", "reminders" ({"before": "P1D"} or
  // {"at": "<UTC instant>"}) and "recurrence" ({"preset": {...}}) when the text gave them.
  nlohmann::json task;
  std::vector<Part> parts;  // in text order
  std::optional<time::LocalDue> due;
  std::optional<time::Instant> due_at;  // the due as a UTC instant (a date counts as 00:00)
  std::optional<std::string> rrule;     // the recurrence as the task will store it
  // Phrases that were understood but could not be used, and problems the create would report
  // (an empty title), in words for the user. Such phrases stay in the title.
  std::vector<std::string> warnings;
};

// Reads `text` (UTF-8) at `now` in the IANA zone `time_zone`, where "today" and "9am" are
// meant. Pure: the same input gives the same answer. Throws std::invalid_argument for an unknown
// zone.
QuickAdd parse_quick_add(std::string_view text, const std::string& time_zone,
                         std::chrono::system_clock::time_point now);

// The pieces of the grammar, for a client that reads one phrase at a time (the chat: "move it to
// next friday", "every other monday instead", "remind me the day before at 6pm"). Each reads the
// whole of `text` at `now` in `time_zone` with the same readers as parse_quick_add and answers
// nullopt unless every word of it is understood (punctuation aside) as that kind of phrase and
// can be used. Each throws std::invalid_argument for an unknown zone.

// A date, a time, or both: "next friday", "tomorrow at 5pm", "end of the month", "tonight",
// "in 2 hours", "at 9am" (today if still ahead, else tomorrow).
struct DatePhrase {
  time::LocalDue due;                 // date-only, or with a time
  std::vector<Part> parts;            // the due and time phrases, in text order
  std::vector<std::string> warnings;  // what an ambiguous phrase was assumed to mean
};
std::optional<DatePhrase> parse_date_phrase(std::string_view text, const std::string& time_zone,
                                            std::chrono::system_clock::time_point now);

// A repeat, with what may go with it (a start date, a time, an end): "every other monday",
// "every weekday at 9am", "every month on the 1st until june", "every! 3 days".
struct RulePhrase {
  nlohmann::json recurrence;  // the create body's "recurrence" ({"preset": ...} or {"rrule": ...})
  std::string rrule;          // the rule the task will store
  std::string mode;           // "due" (from each due) or "completion" (from each completion)
  time::LocalDue first_due;   // its first occurrence at or after now
  std::vector<Part> parts;
  std::vector<std::string> warnings;
};
std::optional<RulePhrase> parse_rule_phrase(std::string_view text, const std::string& time_zone,
                                            std::chrono::system_clock::time_point now);

// One or more reminders, with or without "remind me": "remind me 2 days before", "1 hour before",
// "the day before at 6pm", "tomorrow at 8am", "in 2 hours", "1 day and 1 hour before". `due` is
// the task's due (relative reminders need one) and `repeats` whether it repeats (a time of its
// day is then kept as a span before each occurrence). nullopt also when a reminder cannot be
// used (in the past, more than 5 years ahead, "before" without a due).
struct ReminderPhrase {
  nlohmann::json reminders;  // the create body's "reminders": [{"before": "P1D"}, {"at": ...}]
  std::vector<std::string> warnings;
};
std::optional<ReminderPhrase> parse_reminder_phrase(
    std::string_view text, const std::string& time_zone, std::chrono::system_clock::time_point now,
    const std::optional<time::LocalDue>& due = std::nullopt, bool repeats = false);

// The quick-add answer: {"task", "parts": [{"kind","start","end","text"}], "due_at" (or null),
// "rrule" (or null), "summary" (the recurrence in words, or null), "next" (the first
// `next_count` occurrences as UTC instants; empty for a one-off task), "warnings"}.
nlohmann::json to_json(const QuickAdd& result, std::size_t next_count = 3);

}  // namespace todo::quickadd
