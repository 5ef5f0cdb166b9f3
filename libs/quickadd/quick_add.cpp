#include "quickadd/quick_add.hpp"

#include <algorithm>
#include <stdexcept>

#include "quickadd/rule_text.hpp"
#include "quickadd/scan.hpp"
#include "quickadd/schedule.hpp"
#include "quickadd/title.hpp"
#include "quickadd/tokens.hpp"
#include "recurrence/presets.hpp"
#include "tasks/priority.hpp"
#include "tasks/reminder.hpp"
#include "tasks/tags.hpp"
#include "tasks/text.hpp"
#include "text/utf8.hpp"
#include "time/calendar.hpp"
#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

namespace todo::quickadd {
namespace {

using detail::Match;
using detail::MatchKind;
using std::chrono::seconds;

constexpr std::chrono::hours kMaxAtLead{24 * (5 * 365 + 1)};  // the task API allows 5 years
constexpr std::size_t kMaxTitle = 200;
constexpr seconds kDay{86400};
constexpr seconds kMaxBefore{365 * kDay};  // the task API's longest "before"
// A date-only due's reminders count from 09:00 (docs/reminders.md), and a reminder on a date
// without a time rings then.
constexpr seconds kDateOnlyClock{9 * 3600};

PartKind part_kind(MatchKind kind) {
  switch (kind) {
    case MatchKind::due:
      return PartKind::due;
    case MatchKind::time:
      return PartKind::time;
    case MatchKind::recurrence:
    case MatchKind::until:
    case MatchKind::count:
      return PartKind::recurrence;
    case MatchKind::priority:
      return PartKind::priority;
    case MatchKind::tag:
      return PartKind::tag;
    case MatchKind::reminder:
      return PartKind::reminder;
  }
  return PartKind::due;
}

const Match* first_of(const std::vector<Match>& phrases, MatchKind kind) {
  for (const Match& phrase : phrases) {
    if (phrase.kind == kind) return &phrase;
  }
  return nullptr;
}

// Everything the phrases decide, and which phrases were used for it.
class Reader {
 public:
  Reader(std::string_view text, const std::string& zone, time::Instant now)
      : text_(text), zone_(zone), now_(now) {
    const time::LocalDue local = time::to_local(now, zone);
    ctx_.today = local.date;
    ctx_.time_of_day = *local.time_of_day;
    ctx_.now = now;
    ctx_.zone = zone;
    tokens_ = detail::tokenize(text);
    phrases_ = detail::accept_phrases(tokens_, detail::find_phrases(tokens_, ctx_));
    used_.assign(phrases_.size(), true);
  }

  QuickAdd read() {
    read_schedule();
    read_reminders();
    read_tags();
    return result();
  }

  // The reminders only, for a task whose due (and whether it repeats) is already known.
  QuickAdd read_reminders_for(const std::optional<time::LocalDue>& due, bool repeats) {
    due_ = due;
    repeats_ = repeats;
    read_reminders();
    return result();
  }

  // After reading: true when every phrase found was used (none left in the title with a warning).
  bool nothing_dropped() const {
    return std::all_of(used_.begin(), used_.end(), [](bool used) { return used; });
  }

  // True when every token is part of a phrase that counts (punctuation and connectors aside),
  // and every such phrase is of one of `kinds`.
  bool whole_text_is(std::initializer_list<MatchKind> kinds) const {
    if (tokens_.empty()) return false;
    std::vector<Match> kept;
    for (std::size_t i = 0; i < phrases_.size(); ++i) {
      if (!used_[i]) return false;
      if (std::find(kinds.begin(), kinds.end(), phrases_[i].kind) == kinds.end()) return false;
      kept.push_back(phrases_[i]);
    }
    const std::string rest = detail::build_title(text_, tokens_, kept);
    for (const detail::Token& token : detail::tokenize(rest)) {
      if (!detail::is_punctuation(token)) return false;
    }
    return true;
  }

 private:
  std::string phrase_text(const Match& m) const {
    const std::size_t begin = tokens_[m.first].begin;
    return std::string(text_.substr(begin, tokens_[m.last - 1].end - begin));
  }

  void drop(const Match* m, const std::string& why = "") {
    if (!m) return;
    used_[static_cast<std::size_t>(m - phrases_.data())] = false;
    if (!why.empty()) warnings_.push_back("'" + phrase_text(*m) + "' " + why);
  }

  void read_schedule() {
    const Match* due = first_of(phrases_, MatchKind::due);
    const Match* time_of_day = first_of(phrases_, MatchKind::time);
    const Match* rule = first_of(phrases_, MatchKind::recurrence);
    if (rule && !rule->refused.empty()) {
      drop(rule, rule->refused);
      rule = nullptr;
    }
    const Match* until = first_of(phrases_, MatchKind::until);
    const Match* count = first_of(phrases_, MatchKind::count);
    std::optional<time::LocalDate> date;
    if (due) date = due->date;
    if (!date && rule && until && until->scope_start) date = until->scope_start;  // "in january"
    std::optional<seconds> clock;
    if (time_of_day) {
      clock = time_of_day->time_of_day;
    } else if (due && due->time_of_day) {
      clock = due->time_of_day;
    } else if (rule) {
      clock = rule->time_of_day;  // "every morning"
    }
    std::vector<seconds> times;  // "at 8am and 8pm": several times a day
    if (time_of_day && time_of_day->times.size() > 1) {
      times = several_times(*time_of_day, rule);
    } else if (!time_of_day && rule && rule->times.size() > 1) {
      times = several_times(*rule, rule);  // "every morning and evening"
    }
    if (!rule) {
      drop(until);  // "until" and "5 times" mean nothing without a recurrence: title words
      drop(count);
      due_ = detail::one_off_due(date, clock, ctx_);
      return;
    }
    if (until && until->time_of_day) {
      drop(until,
           "ends at a time of day, which quick add cannot give a repeat; it stays in the title");
      until = nullptr;
    }
    if (until && count)
      drop(until->first < count->first ? count : until,
           "cannot be used: a "
           "recurrence ends on a "
           "date or after a number "
           "of times, not both");
    if (!times.empty()) clock = times.front();
    const auto first = detail::first_occurrence(*rule, date, clock, ctx_, zone_, times);
    if (!first) {
      drop(rule, "never happens; it stays in the title");
      drop(until);
      drop(count);
      due_ = detail::one_off_due(date, clock, ctx_);
      return;
    }
    recurrence::Preset preset = detail::preset_for(*rule, *first);
    if (until && used(until)) {
      // "for 6 weeks": that long from the first due, its last day included
      const bool span = until->span_days != 0 || until->span_months != 0;
      const time::LocalDate end =
          span ? time::add_days(time::add_months_clamped(first->date, until->span_months),
                                until->span_days - 1)
               : until->date;
      if (end < first->date) {
        drop(until, "ends the recurrence before its first date; it stays in the title");
      } else {
        preset.until = end;
      }
    }
    if (count && used(count)) preset.count = count->count;
    const auto rrule = detail::rule_text(*rule, preset, times);
    if (!rrule) {
      drop(rule, "cannot be saved as a repeat; it stays in the title");
      drop(until);
      drop(count);
      due_ = detail::one_off_due(date, clock, ctx_);
      return;
    }
    due_ = *first;
    preset_ = preset;
    rrule_ = *rrule;
    as_preset_ = detail::fits_preset(*rule, times);
    completion_ = rule->completion;
  }

  // The times of a "at 8am and 8pm" phrase a repeat can take, earliest first; empty (with a
  // warning saying which time is used) when it cannot take them all.
  std::vector<seconds> several_times(const Match& phrase, const Match* rule) {
    std::vector<seconds> times = phrase.times;
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    const std::string first = "only " + clock_text(phrase.times.front()) + " is used";
    const auto minutes = [](seconds t) { return t.count() % 3600; };
    if (!rule) {
      warnings_.push_back(
          "'" + phrase_text(phrase) +
          "' names several times, but a task that does not repeat has one: " + first);
      return {};
    }
    if (times.size() < 2) return times;
    if (!rule->workday_positions.empty()) {
      warnings_.push_back(
          "'" + phrase_text(phrase) +
          "': a repeat on working days of the month takes one time of day: " + first);
      return {};
    }
    for (seconds t : times) {
      if (minutes(t) != minutes(times.front())) {
        warnings_.push_back("'" + phrase_text(phrase) +
                            "': one repeat takes several times of day only on the same minute "
                            "of the hour: " +
                            first);
        return {};
      }
    }
    return times;
  }

  static std::string clock_text(seconds t) {
    const long minutes = t.count() / 60;
    const auto two = [](long n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return two(minutes / 60) + ":" + two(minutes % 60);
  }

  bool used(const Match* m) const { return used_[static_cast<std::size_t>(m - phrases_.data())]; }

  // One reminder as the create body writes it, or why it cannot be used.
  std::optional<nlohmann::json> make_reminder(const detail::ReminderSpec& spec, std::string& why) {
    const auto before = [](seconds span) {
      return nlohmann::json{{"before", time::format_iso8601_duration(span)}};
    };
    if (spec.before) {
      if (!due_) {
        // "Remind me to call mom" without a when is just the task's title.
        if (*spec.before != seconds{0}) {
          why = "needs a due date to count back from; it stays in the title";
        }
        return std::nullopt;
      }
      return before(*spec.before);
    }
    const bool on_due_day = !spec.date;
    if (on_due_day && spec.days_before > 0 && !due_) {
      why = "needs a due date to count back from; it stays in the title";
      return std::nullopt;
    }
    // A repeating task keeps a reminder at a time of its due's day (or days before) as a span
    // before each occurrence, counted from the due's time (09:00 for a date-only due), so it
    // rings for every occurrence, not only the first.
    if (on_due_day && due_ && (preset_ || repeats_)) {
      const seconds due_clock = due_->time_of_day.value_or(kDateOnlyClock);
      const seconds span = spec.days_before * kDay + due_clock - *spec.time_of_day;
      if (span >= seconds{0} && span <= kMaxBefore) return before(span);
    }
    time::LocalDue day;
    if (spec.date) {
      day = time::LocalDue{*spec.date, spec.time_of_day.value_or(kDateOnlyClock)};
    } else if (due_) {
      day = time::LocalDue{time::add_days(due_->date, -spec.days_before), spec.time_of_day};
    } else {
      // Without a due, the next time it is that time.
      day = *detail::one_off_due(std::nullopt, spec.time_of_day, ctx_);
    }
    const time::Instant at = time::to_utc(day, zone_);
    if (at <= now_) {
      why = "is in the past; it stays in the title";
      return std::nullopt;
    }
    if (at - now_ > kMaxAtLead) {
      why = "is more than 5 years ahead; it stays in the title";
      return std::nullopt;
    }
    return nlohmann::json{{"at", time::format_rfc3339(at)}};
  }

  // Each reminder phrase counts whole or not at all: one of its reminders that cannot be used
  // leaves the phrase in the title.
  void read_reminders() {
    for (const Match& m : phrases_) {
      if (m.kind != MatchKind::reminder) continue;
      std::vector<nlohmann::json> made;
      std::string why;
      for (const detail::ReminderSpec& spec : m.reminders) {
        auto reminder = make_reminder(spec, why);
        if (!reminder) break;
        made.push_back(std::move(*reminder));
      }
      if (made.size() != m.reminders.size()) {
        drop(&m, why);
        continue;
      }
      if (reminders_.size() + made.size() > tasks::kMaxReminders) {
        drop(&m, "is one reminder too many (a task has at most 10); it stays in the title");
        continue;
      }
      for (auto& reminder : made) reminders_.push_back(std::move(reminder));
    }
  }

  void read_tags() {
    for (const Match& m : phrases_) {
      if (m.kind != MatchKind::tag) continue;
      if (std::find(tags_.begin(), tags_.end(), m.tag) != tags_.end()) continue;
      if (tags_.size() >= tasks::kMaxTags) {
        drop(&m, "is one tag too many (a task has at most 20); it stays in the title");
        continue;
      }
      tags_.push_back(m.tag);
    }
  }

  QuickAdd result() {
    QuickAdd out;
    std::vector<Match> kept;
    for (std::size_t i = 0; i < phrases_.size(); ++i) {
      if (!used_[i]) continue;
      const Match& m = phrases_[i];
      kept.push_back(m);
      const std::size_t begin = tokens_[m.first].begin;
      const std::size_t end = tokens_[m.last - 1].end;
      out.parts.push_back(Part{part_kind(m.kind), text::utf16_offset(text_, begin),
                               text::utf16_offset(text_, end), phrase_text(m)});
    }
    // What was assumed where English is ambiguous, for the phrases that count.
    for (const Match& m : kept) {
      if (!m.assumed.empty()) warnings_.push_back("'" + phrase_text(m) + "' " + m.assumed);
    }
    const std::string title = detail::build_title(text_, tokens_, kept);
    if (title.empty()) {
      warnings_.emplace_back("the title is empty: write what the task is, besides when");
    } else if (const auto length = text::utf8_length(title); length && *length > kMaxTitle) {
      warnings_.emplace_back("the title is longer than 200 characters");
    }

    nlohmann::json task = {{"title", title}};
    if (const Match* priority = first_of(kept, MatchKind::priority)) {
      task["priority"] = tasks::to_string(priority->priority);
    }
    if (!tags_.empty()) task["tags"] = tags_;
    if (due_) {
      task["due"] = time::format_local_due(*due_);
      out.due = due_;
      out.due_at = time::to_utc(*due_, zone_);
    }
    task["time_zone"] = zone_;
    if (!reminders_.empty()) task["reminders"] = reminders_;
    if (preset_) {
      // A preset when it says the whole rule, else the rule itself (docs/decisions.md).
      nlohmann::json recurrence = as_preset_
                                      ? nlohmann::json{{"preset", recurrence::to_json(*preset_)}}
                                      : nlohmann::json{{"rrule", rrule_}};
      if (completion_) recurrence["mode"] = "completion";
      task["recurrence"] = recurrence;
      out.rrule = rrule_;
    }
    out.task = std::move(task);
    out.warnings = warnings_;
    return out;
  }

  std::string_view text_;
  std::string zone_;
  time::Instant now_;
  detail::Context ctx_;
  detail::Tokens tokens_;
  std::vector<Match> phrases_;
  std::vector<bool> used_;
  std::vector<std::string> warnings_;
  std::optional<time::LocalDue> due_;
  std::optional<recurrence::Preset> preset_;
  bool repeats_ = false;     // read_reminders_for: the task repeats
  std::string rrule_;        // the rule of preset_ and what it cannot say
  bool as_preset_ = true;    // preset_ says all of rrule_
  bool completion_ = false;  // the repeat counts from each completion
  nlohmann::json reminders_ = nlohmann::json::array();
  std::vector<std::string> tags_;
};

}  // namespace

std::string to_string(PartKind kind) {
  switch (kind) {
    case PartKind::due:
      return "due";
    case PartKind::time:
      return "time";
    case PartKind::recurrence:
      return "recurrence";
    case PartKind::priority:
      return "priority";
    case PartKind::tag:
      return "tag";
    case PartKind::reminder:
      return "reminder";
  }
  return "due";
}

namespace {

void check_zone(const std::string& time_zone) {
  if (!time::is_valid_time_zone(time_zone)) {
    throw std::invalid_argument("unknown time zone '" + time_zone + "'");
  }
}

// The answer's warnings without the one about the (here always) empty title.
std::vector<std::string> phrase_warnings(const QuickAdd& read) {
  std::vector<std::string> out;
  for (const std::string& warning : read.warnings) {
    if (warning.rfind("the title is empty", 0) != 0) out.push_back(warning);
  }
  return out;
}

}  // namespace

QuickAdd parse_quick_add(std::string_view text, const std::string& time_zone,
                         std::chrono::system_clock::time_point now) {
  check_zone(time_zone);
  return Reader(text, time_zone, std::chrono::floor<seconds>(now)).read();
}

std::optional<DatePhrase> parse_date_phrase(std::string_view text, const std::string& time_zone,
                                            std::chrono::system_clock::time_point now) {
  check_zone(time_zone);
  Reader reader(text, time_zone, std::chrono::floor<seconds>(now));
  if (!reader.whole_text_is({MatchKind::due, MatchKind::time})) return std::nullopt;
  const QuickAdd read = reader.read();
  if (!read.due) return std::nullopt;
  return DatePhrase{*read.due, read.parts, phrase_warnings(read)};
}

std::optional<RulePhrase> parse_rule_phrase(std::string_view text, const std::string& time_zone,
                                            std::chrono::system_clock::time_point now) {
  check_zone(time_zone);
  Reader reader(text, time_zone, std::chrono::floor<seconds>(now));
  if (!reader.whole_text_is({MatchKind::recurrence, MatchKind::until, MatchKind::count,
                             MatchKind::due, MatchKind::time})) {
    return std::nullopt;
  }
  const QuickAdd read = reader.read();
  if (!read.rrule || !read.due || !read.task.contains("recurrence")) return std::nullopt;
  // A phrase that was understood but dropped (an end before the start) is not the whole text.
  if (!reader.nothing_dropped()) return std::nullopt;
  RulePhrase rule;
  rule.recurrence = read.task["recurrence"];
  rule.rrule = *read.rrule;
  rule.mode = rule.recurrence.value("mode", "due");
  rule.first_due = *read.due;
  rule.parts = read.parts;
  rule.warnings = phrase_warnings(read);
  return rule;
}

std::optional<ReminderPhrase> parse_reminder_phrase(std::string_view text,
                                                    const std::string& time_zone,
                                                    std::chrono::system_clock::time_point now,
                                                    const std::optional<time::LocalDue>& due,
                                                    bool repeats) {
  check_zone(time_zone);
  const auto instant = std::chrono::floor<seconds>(now);
  // "2 days before" and "tomorrow at 8am" mean the same as "remind me 2 days before" here.
  const std::string prefixed = "remind me " + std::string(text);
  for (const std::string_view candidate : {text, std::string_view(prefixed)}) {
    Reader reader(candidate, time_zone, instant);
    if (!reader.whole_text_is({MatchKind::reminder})) continue;
    const QuickAdd read = reader.read_reminders_for(due, repeats);
    if (!read.task.contains("reminders")) {
      // Understood but not usable (in the past, before a due the task lacks): say why.
      return std::nullopt;
    }
    if (!reader.nothing_dropped()) return std::nullopt;
    return ReminderPhrase{read.task["reminders"], phrase_warnings(read)};
  }
  return std::nullopt;
}

}  // namespace todo::quickadd
