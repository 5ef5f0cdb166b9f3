#include "quickadd/reminder_phrases.hpp"

#include "quickadd/date_phrases.hpp"
#include "quickadd/time_phrases.hpp"
#include "quickadd/words.hpp"

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;

constexpr seconds kDay{86400};
constexpr seconds kMaxBefore{365 * kDay};

bool word_at(const Tokens& tokens, std::size_t i, std::string_view word) {
  return i < tokens.size() && tokens[i].word == word;
}

// "1 day", "30 min", "an hour", "2h": the span and the token after it.
std::optional<std::pair<seconds, std::size_t>> read_span(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  if (const auto compact = compact_duration(tokens[i].word)) return std::make_pair(*compact, i + 1);
  const auto count = count_word(tokens[i].word, true);
  if (!count || i + 1 >= tokens.size()) return std::nullopt;
  const auto unit = duration_unit(tokens[i + 1].word);
  if (!unit) return std::nullopt;
  return std::make_pair(*unit * *count, i + 2);
}

// The token after a list separator at `i` ("and", "&", ",", ", and"), or `i` when there is none.
std::size_t skip_separator(const Tokens& tokens, std::size_t i) {
  std::size_t j = i;
  if (word_at(tokens, j, ",")) ++j;
  if (j < tokens.size() && tokens[j].word != "," &&
      contains(english().list_words, tokens[j].word)) {
    ++j;
  }
  return j;
}

std::size_t skip_before_word(const Tokens& tokens, std::size_t i) {
  return i < tokens.size() && contains(english().before_words, tokens[i].word) ? i + 1 : i;
}

// "at 9am", "9am", "at 9" (09:00, assumed): a time after a reminder's day. The time and the token
// after it; what "at 9" was assumed to be goes to `assumed`.
std::optional<TimeValue> read_at_time(const Tokens& tokens, std::size_t i,
                                      std::string* assumed = nullptr) {
  if (i >= tokens.size()) return std::nullopt;
  const bool at = contains(english().at_words, tokens[i].word);
  auto time = read_time(tokens, at ? i + 1 : i);
  if (time && time->bare && !at) time.reset();  // "noon" alone is enough after "at"
  if (!time && at && assumed) {
    if (const auto hour = read_bare_hour(tokens, i + 1)) {
      *assumed = hour->assumed;
      return TimeValue{hour->time_of_day, hour->next, false};
    }
  }
  return time;
}

// One reminder, or several sharing one "before" ("1 day and 1 hour before"), from token `i`.
// Returns the token after it.
std::optional<std::size_t> read_reminder(const Tokens& tokens, std::size_t i, const Context& ctx,
                                         std::vector<ReminderSpec>& out, std::string& assumed) {
  const Language& lang = english();
  if (i >= tokens.size()) return std::nullopt;
  // Spans before the due: "1 day before", "1 day and 1 hour before", "2 days before at 9am".
  if (auto span = read_span(tokens, i)) {
    std::vector<seconds> spans = {span->first};
    std::size_t j = span->second;
    while (true) {
      const std::size_t k = skip_separator(tokens, j);
      if (k == j) break;
      const auto more = read_span(tokens, k);
      if (!more) break;
      spans.push_back(more->first);
      j = more->second;
    }
    const std::size_t after = skip_before_word(tokens, j);
    if (after == j) return std::nullopt;
    for (const seconds s : spans) {
      if (s <= seconds{0} || s > kMaxBefore) return std::nullopt;
    }
    // Whole days may say when on that day: "2 days before at 9am".
    if (spans.size() == 1 && spans.front() % kDay == seconds{0}) {
      if (const auto time = read_at_time(tokens, after, &assumed)) {
        ReminderSpec spec;
        spec.days_before = static_cast<int>(spans.front() / kDay);
        spec.time_of_day = time->time_of_day;
        out.push_back(spec);
        return time->next;
      }
    }
    for (const seconds s : spans) {
      ReminderSpec spec;
      spec.before = s;
      out.push_back(spec);
    }
    return after;
  }
  // "on the day" [at a time]: on the due's day; "when it's due": at the due.
  for (std::string_view words : lang.due_day_words) {
    if (const std::size_t n = match_words(tokens, i, words)) {
      ReminderSpec spec;
      const auto time = read_at_time(tokens, i + n, &assumed);
      if (time) {
        spec.time_of_day = time->time_of_day;
      } else {
        spec.before = seconds{0};
      }
      out.push_back(spec);
      return time ? time->next : i + n;
    }
  }
  for (std::string_view words : lang.at_due_words) {
    if (const std::size_t n = match_words(tokens, i, words)) {
      ReminderSpec spec;
      spec.before = seconds{0};
      out.push_back(spec);
      return i + n;
    }
  }
  // "the day before", "the day before at 6pm", "the evening before", "the week before".
  if (word_at(tokens, i, lang.the_word) && i + 2 < tokens.size()) {
    const std::string& what = tokens[i + 1].word;
    const std::size_t after = skip_before_word(tokens, i + 2);
    if (after != i + 2) {
      if (const auto part = lookup(lang.day_parts, what)) {
        ReminderSpec spec;
        spec.days_before = 1;
        spec.time_of_day = *part;
        out.push_back(spec);
        return after;
      }
      const auto unit = duration_unit(what);
      if (unit && *unit >= kDay) {
        if (const auto time = read_at_time(tokens, after, &assumed)) {
          ReminderSpec spec;
          spec.days_before = static_cast<int>(*unit / kDay);
          spec.time_of_day = time->time_of_day;
          out.push_back(spec);
          return time->next;
        }
        ReminderSpec spec;
        spec.before = *unit;
        out.push_back(spec);
        return after;
      }
    }
  }
  // On the due's day at a time: "at 8am", "in the morning"; with a day after it: "at 8am
  // tomorrow".
  if (contains(lang.at_words, tokens[i].word) || read_day_part(tokens, i, false)) {
    std::optional<std::pair<seconds, std::size_t>> time;
    if (const auto clock = read_at_time(tokens, i, &assumed)) {
      time = std::make_pair(clock->time_of_day, clock->next);
    } else {
      time = read_day_part(tokens, i, false);
    }
    if (!time) return std::nullopt;
    ReminderSpec spec;
    spec.time_of_day = time->first;
    std::size_t next = time->second;
    std::size_t day_at = next;
    if (day_at < tokens.size() && contains(lang.date_markers, tokens[day_at].word)) ++day_at;
    if (const auto day = read_date(tokens, day_at, ctx); day && !day->time_of_day) {
      spec.date = day->date;
      next = day->next;
    }
    out.push_back(spec);
    return next;
  }
  // On a date: "tomorrow at 8am", "on friday", "tonight", "in 2 hours", "tomorrow morning".
  std::size_t day_at = i;
  if (contains(lang.date_markers, tokens[i].word)) ++day_at;
  const auto day = read_date(tokens, day_at, ctx);
  if (!day) return std::nullopt;
  ReminderSpec spec;
  spec.date = day->date;
  spec.time_of_day = day->time_of_day;
  std::size_t next = day->next;
  if (!spec.time_of_day) {
    if (const auto time = read_at_time(tokens, next, &assumed)) {
      spec.time_of_day = time->time_of_day;
      next = time->next;
    }
  }
  out.push_back(spec);
  return next;
}

}  // namespace

std::optional<Match> match_reminder(const Tokens& tokens, std::size_t i, const Context& ctx) {
  const auto keyword = match_entry(english().remind_words, tokens, i);
  if (!keyword) return std::nullopt;
  Match match;
  match.kind = MatchKind::reminder;
  match.first = i;
  // "Remind me to call mom tomorrow": the task is what follows, reminded when it is due.
  if (i == 0 && word_at(tokens, keyword->second, english().remind_to) &&
      keyword->second + 1 < tokens.size()) {
    ReminderSpec at_due;
    at_due.before = seconds{0};
    match.reminders.push_back(at_due);
    match.last = keyword->second + 1;
    return match;
  }
  auto next = read_reminder(tokens, keyword->second, ctx, match.reminders, match.assumed);
  if (!next) return std::nullopt;
  // More reminders after "and" or ",": "remind me 1 day before and at 8am".
  while (true) {
    const std::size_t k = skip_separator(tokens, *next);
    if (k == *next) break;
    std::size_t at = k;
    if (const auto again = match_entry(english().remind_words, tokens, at)) at = again->second;
    std::vector<ReminderSpec> more;
    std::string assumed;
    const auto after = read_reminder(tokens, at, ctx, more, assumed);
    if (!after) break;
    match.reminders.insert(match.reminders.end(), more.begin(), more.end());
    if (match.assumed.empty()) match.assumed = assumed;
    next = after;
  }
  // "Remind me in 10 minutes to check the oven": what follows is the task.
  if (i == 0 && word_at(tokens, *next, english().remind_to) && *next + 1 < tokens.size()) ++*next;
  match.last = *next;
  return match;
}

}  // namespace todo::quickadd::detail
