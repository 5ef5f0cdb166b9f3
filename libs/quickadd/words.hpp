#pragma once
// Internal: the words quick add knows, as data. A Language is a set of tables (weekdays, months,
// numbers, ordinals, units, times of day, relative days and periods, the small words that mark a
// phrase); English is the one that ships. A second language is a second Language, not new code:
// the phrase readers only look words up in the tables.
//
// Every word is lower-case ASCII or UTF-8, as tokens carry it. A table entry may be several words
// ("day after tomorrow", "end of the month"): match_words reads it from consecutive tokens.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "quickadd/tokens.hpp"
#include "time/calendar.hpp"

namespace todo::quickadd::detail {

// One word (or several, separated by single spaces) and what it means.
template <typename T>
struct Entry {
  std::string_view words;
  T value;
};

template <typename T>
using Table = std::vector<Entry<T>>;

// Calendar units, for "in 3 days" and "every 2 weeks".
enum class CalendarUnit { day, week, month, year };

// A period a date phrase names, as an anchor and an offset ("next weekend": the weekend, +1).
enum class PeriodAnchor {
  week_start,   // the Monday of the week ("next week", "early next week")
  weekend,      // the Saturday of the week ("this weekend"; on a Sunday: today)
  week_end,     // the Friday of the working week ("end of the week"; on a weekend: Sunday)
  month_start,  // the 1st of the month ("next month", "beginning of next month")
  month_mid,    // the 15th of the month ("mid month"; this month's if not past, else next)
  month_end,    // the last day of the month ("end of the month")
  year_start,   // 1 January ("next year")
  year_end,     // 31 December ("end of the year")
};

struct Period {
  PeriodAnchor anchor = PeriodAnchor::week_start;
  int offset = 0;  // 0: this one, 1: the next one
  // Read only after a marker and "the" ("over the weekend"): alone it is a title word.
  bool needs_marker = false;
};

// What a word before a month name makes of it ("mid january": the 15th).
enum class MonthPart { start, middle, end };

// A stretch a repeat is kept to: "every day this week" (until Sunday), "every weekday this month"
// (until its last day), "every monday in january" (that month).
enum class RepeatScope { this_week, this_month, named_month };

// A named set of weekdays ("weekday": Monday to Friday). `assumed` says, for the answer's
// warnings, which reading of an ambiguous name was taken ("weekend": Saturday).
struct DaySet {
  std::vector<time::Weekday> days;
  std::string_view assumed;
};

struct Language {
  Table<time::Weekday> weekdays;               // "mon", "monday", ...
  std::string_view plural;                     // a weekday's plural ending ("mondays")
  Table<unsigned> months;                      // "jan", "january", ... -> 1..12
  Table<int> numbers;                          // "one" .. "twelve"
  Table<int> articles;                         // "a", "an": one
  std::vector<std::string_view> day_suffixes;  // "1st", "2nd", "3rd", "4th"
  // Positions in a month ("the 3rd wednesday", "the last day", "the 15th workday"), besides
  // "1st" .. "31st": "first" .. "tenth", "last" (-1), "second to last" (-2), ...
  Table<int> week_ordinals;
  Table<std::chrono::seconds> duration_units;  // "min", "hour", "day", "week" and short forms
  Table<CalendarUnit> calendar_units;          // "day(s)", "week(s)", "month(s)", "year(s)"
  Table<int> relative_days;                    // "today" 0, "tomorrow" 1, "day after tomorrow" 2
  Table<Period> periods;                       // "this weekend", "end of the month", ...
  Table<MonthPart> month_parts;                // "mid" january, "end of" january
  // Parts of the day, read after a date ("tomorrow morning"), after "this" or "in the", or
  // alone: "morning" 09:00, "afternoon" 12:00, "evening" 19:00, "night" 22:00.
  Table<std::chrono::seconds> day_parts;
  // A relative day with its time in one phrase: "tonight" (today, 19:00), "end of day" (today,
  // 17:00, the end of the working day).
  Table<std::pair<int, std::chrono::seconds>> day_and_part;
  // Parts of the day read only after "at" ("at night"), never alone or after "in the".
  std::vector<std::string_view> at_only_day_parts;
  // Times of day that are words: "noon", "midday", "midnight".
  Table<std::chrono::seconds> clock_words;
  std::vector<std::string_view> meridiem_am;  // "am", "a.m"
  std::vector<std::string_view> meridiem_pm;  // "pm", "p.m"
  std::vector<std::string_view> at_words;     // before a time: "at", "@"
  // Also before a time, in a time phrase only: "by 5pm", "before noon".
  std::vector<std::string_view> time_markers;
  // Before a date: "on", "by", "due", "from", "starting".
  std::vector<std::string_view> date_markers;
  // Before a period ("at the end of the month", "over the weekend"): the date markers and these.
  std::vector<std::string_view> period_markers;
  std::string_view the_word;               // skipped before a period ("by the end of the year")
  std::string_view next_word;              // "next friday": the one of next week
  std::string_view this_word;              // "this friday": the next one, today included
  std::string_view in_word;                // "in 3 days"
  std::vector<std::string_view> from_now;  // "3 days from now", "a week from today"
  Table<int> weeks;          // after a weekday: "this week" 0, "next week" 1 ("friday next week")
  std::string_view of_word;  // "5th of january"
  // "in the" before a part of the day ("in the morning"), "at" before "night".
  std::vector<std::string_view> day_part_markers;
  // Reminders: "remind me", "remind", "reminder"; then "before" (or "earlier", "ahead"); "the
  // day before"'s "day"; list separators ("and", "&", ",").
  Table<int> remind_words;
  // After "remind me" at the start of the text, before what to do: "remind me to call mom
  // tomorrow" is the task "call mom" with a reminder when it is due.
  std::string_view remind_to;
  std::vector<std::string_view> before_words;
  std::vector<std::string_view> due_day_words;  // "on the day" [at 8am]: the due's day
  std::vector<std::string_view> at_due_words;   // "when it's due", "at the time": at the due
  std::vector<std::string_view> list_words;
  std::vector<std::string_view> or_words;  // "monday or tuesday"
  // Words after which a bare part of the day belongs to the title ("the evening", "good night").
  std::vector<std::string_view> day_part_blockers;

  // Repeats (recurrence_phrases.cpp).
  std::vector<std::string_view> every_words;  // "every", "ev", "each"
  // Glued to an every word, the repeat counts from each completion ("every! 3 days").
  std::string_view completion_mark;
  // Before "3 days", the same ("after 3 days").
  std::vector<std::string_view> after_words;
  // After a repeat, the same ("every 3 days after completion").
  std::vector<std::string_view> completion_phrases;
  std::string_view other_word;  // "every other week": every second
  std::string_view on_word;     // "every week on monday", "every month on the 1st"
  Table<std::pair<CalendarUnit, int>> repeat_adverbs;  // "daily", ..., "fortnightly" (2 weeks)
  // Before weekdays a daily or weekly repeat leaves out: "every day except sunday".
  std::vector<std::string_view> except_words;
  // Units only repeats use: "every quarter" (3 months), "every fortnight" (2 weeks).
  Table<std::pair<CalendarUnit, int>> repeat_units;
  // Repeats said with "once": "once a day", "once a week", "once a month", "once a year".
  Table<CalendarUnit> once_phrases;
  // After a repeat, the stretch it is kept to ("this week", "for the rest of the month", "in"
  // before a month).
  Table<RepeatScope> scope_words;
  Table<DaySet> day_sets;  // "every weekday", "every workday", "every weekend day", ...
  // What the positions (week_ordinals) count: working days ("the 15th workday") or days ("the last
  // day").
  std::vector<std::string_view> workday_words;
  std::vector<std::string_view> day_words;
  // After the positions: "of the month" (says nothing more), "of every month" (makes a repeat
  // without "every": "the 1st of every month").
  std::vector<std::string_view> month_scopes;
  std::vector<std::string_view> each_month;
  // Ends: "until" a date (with a month alone: its first day), "through" a date (a month alone:
  // its last day), "until the end of" a month, "for 6 weeks", "for 5 times" or "5 times".
  Table<MonthPart> end_words;
  std::vector<std::string_view> month_end_words;
  std::vector<std::string_view> for_words;
  std::vector<std::string_view> times_words;
  // Repeats finer than a day, in minutes: "every 2 hours", "every 30 minutes", "hourly" (alone,
  // one hour); and the words before their start time ("every 12 hours starting at 7pm").
  Table<int> clock_units;
  Table<int> clock_adverbs;
  std::vector<std::string_view> start_words;
};

// The English tables.
const Language& english();

// The value of `word` in `table`, or nullopt. One-word entries only.
template <typename T>
std::optional<T> lookup(const Table<T>& table, std::string_view word) {
  for (const auto& entry : table) {
    if (entry.words == word) return entry.value;
  }
  return std::nullopt;
}

bool contains(const std::vector<std::string_view>& words, std::string_view word);

// How many tokens from `i` spell `words` ("end of the month": 4), or 0.
std::size_t match_words(const std::vector<Token>& tokens, std::size_t i, std::string_view words);

// The longest entry of `table` spelled from token `i`: its value and the token after it.
template <typename T>
std::optional<std::pair<T, std::size_t>> match_entry(const Table<T>& table,
                                                     const std::vector<Token>& tokens,
                                                     std::size_t i) {
  std::optional<std::pair<T, std::size_t>> best;
  for (const auto& entry : table) {
    const std::size_t n = match_words(tokens, i, entry.words);
    if (n > 0 && (!best || i + n > best->second)) best = std::make_pair(entry.value, i + n);
  }
  return best;
}

// "mon", "monday", "tue", "tues", ... "sun", "sunday".
std::optional<time::Weekday> weekday_word(std::string_view word);

// "mon"/"monday"'s plural ("mondays") as well, for "every mondays"-style lists.
std::optional<time::Weekday> weekday_word_or_plural(std::string_view word);

// "jan", "january", ..., "sep", "sept", "september", ... -> 1..12.
std::optional<unsigned> month_word(std::string_view word);

// True when `word` is one or more ASCII digits (no sign, no spaces).
bool all_digits(std::string_view word);

// The value of a run of ASCII digits short enough for an int (checked with all_digits first).
int digits_value(std::string_view digits);

// A count: 1-3 digits ("12"), or "one" .. "twelve". With `articles`, "a" and "an" are 1 too
// ("in a week", "remind me an hour before").
std::optional<int> count_word(std::string_view word, bool articles = false);

// A day of the month with its English suffix: "1st", "2nd", "3rd", "4th", ..., "31st" -> 1..31.
std::optional<int> ordinal_day(std::string_view word);

// A day of the month as in "jan 5" or "jan 5th": digits 1-31 with an optional suffix.
std::optional<int> day_number(std::string_view word);

// A four-digit year 1900-2999.
std::optional<int> year_word(std::string_view word);

// Units of a fixed length, for reminders: "min", "mins", "minute(s)", "m", "h", "hr(s)",
// "hour(s)", "d", "day(s)", "w", "wk(s)", "week(s)" -> their length.
std::optional<std::chrono::seconds> duration_unit(std::string_view word);

// "30m", "1h", "2d", "1w", "90min": a count glued to a duration unit.
std::optional<std::chrono::seconds> compact_duration(std::string_view word);

// "day"/"days", "week"/"weeks", "month"/"months", "year"/"years".
std::optional<CalendarUnit> calendar_unit(std::string_view word);

// "morning", "afternoon", "evening", "night" -> 09:00, 12:00, 19:00, 22:00.
std::optional<std::chrono::seconds> day_part_word(std::string_view word);

}  // namespace todo::quickadd::detail
