#include "quickadd/recurrence_phrases.hpp"

#include <algorithm>

#include "quickadd/date_phrases.hpp"
#include "quickadd/words.hpp"

namespace todo::quickadd::detail {
namespace {

using recurrence::PresetKind;
using recurrence::Weekday;

constexpr int kMaxInterval = 999;

bool word_at(const Tokens& tokens, std::size_t i, const char* word) {
  return i < tokens.size() && tokens[i].word == word;
}

// "monday", "mon and wed", "monday, wednesday and friday", "mondays & fridays".
// Returns the token after the list, or i when there is none.
std::size_t read_weekday_list(const Tokens& tokens, std::size_t i, std::vector<Weekday>& days) {
  if (i >= tokens.size()) return i;
  const auto first = weekday_word_or_plural(tokens[i].word);
  if (!first) return i;
  days.push_back(*first);
  std::size_t j = i + 1;
  while (j < tokens.size()) {
    std::size_t k = j;
    if (word_at(tokens, k, ",")) ++k;
    if (word_at(tokens, k, "and") || word_at(tokens, k, "&")) ++k;
    if (k == j || k >= tokens.size()) break;
    const auto day = weekday_word_or_plural(tokens[k].word);
    if (!day) break;
    days.push_back(*day);
    j = k + 1;
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return j;
}

// After a weekly rule: "on monday and wednesday".
std::size_t read_weekly_days(const Tokens& tokens, std::size_t i, Match& match) {
  if (!word_at(tokens, i, "on")) return i;
  std::vector<Weekday> days;
  const std::size_t next = read_weekday_list(tokens, i + 1, days);
  if (next == i + 1) return i;
  match.preset.kind = PresetKind::weekly;
  match.preset.days = days;
  match.selects_days = true;
  return next;
}

// After a monthly rule: "on the 1st", "on the 31st", "on the last day", "on the first monday",
// "on the last friday".
std::size_t read_monthly_day(const Tokens& tokens, std::size_t i, Match& match) {
  if (!word_at(tokens, i, "on") || !word_at(tokens, i + 1, "the") || i + 2 >= tokens.size()) {
    return i;
  }
  const std::string& word = tokens[i + 2].word;
  if (word == "last" && word_at(tokens, i + 3, "day")) {
    match.preset.month_day = -1;
    match.selects_days = true;
    return i + 4;
  }
  if (const auto ordinal = week_ordinal(word); ordinal && i + 3 < tokens.size()) {
    if (const auto day = weekday_word(tokens[i + 3].word)) {
      match.preset.kind = PresetKind::monthly_weekday;
      match.preset.ordinal = *ordinal;
      match.preset.weekday = *day;
      match.selects_days = true;
      return i + 4;
    }
  }
  if (const auto day = ordinal_day(word)) {
    match.preset.month_day = *day;
    match.selects_days = true;
    return i + 3;
  }
  return i;
}

// After a yearly rule: "on jan 5", "on 5 january", "on the 5th of january".
std::size_t read_yearly_date(const Tokens& tokens, std::size_t i, Match& match) {
  if (!word_at(tokens, i, "on")) return i;
  const auto month_day = read_month_day(tokens, i + 1);
  if (!month_day) return i;
  match.yearly_month = month_day->month;
  match.yearly_day = month_day->day;
  match.selects_days = true;
  return month_day->next;
}

std::size_t read_details(const Tokens& tokens, std::size_t i, Match& match) {
  switch (match.preset.kind) {
    case PresetKind::weekly:
      return read_weekly_days(tokens, i, match);
    case PresetKind::monthly:
      return read_monthly_day(tokens, i, match);
    case PresetKind::yearly:
      return read_yearly_date(tokens, i, match);
    default:
      return i;
  }
}

PresetKind kind_of(CalendarUnit unit) {
  switch (unit) {
    case CalendarUnit::day:
      return PresetKind::daily;
    case CalendarUnit::week:
      return PresetKind::weekly;
    case CalendarUnit::month:
      return PresetKind::monthly;
    case CalendarUnit::year:
      return PresetKind::yearly;
  }
  return PresetKind::daily;
}

// What follows "every": returns the token after the phrase, or `i` when nothing fits.
std::size_t read_every(const Tokens& tokens, std::size_t i, Match& match) {
  if (i >= tokens.size()) return i;
  const std::string& word = tokens[i].word;
  if (word == "weekday" || word == "weekdays") {
    match.preset.kind = PresetKind::weekdays;
    match.selects_days = true;
    return i + 1;
  }
  if (word == "weekend" || word == "weekends") {
    match.preset.kind = PresetKind::weekly;
    match.preset.days = {Weekday::saturday, Weekday::sunday};
    match.selects_days = true;
    return i + 1;
  }
  if (word == "day" || word == "week" || word == "month" || word == "year") {
    match.preset.kind = kind_of(*calendar_unit(word));
    return read_details(tokens, i + 1, match);
  }
  const auto unit = i + 1 < tokens.size() ? calendar_unit(tokens[i + 1].word) : std::nullopt;
  if (unit && (word == "other" || count_word(word))) {
    const int interval = word == "other" ? 2 : *count_word(word);
    if (interval < 1 || interval > kMaxInterval) return i;
    match.preset.kind = kind_of(*unit);
    match.preset.interval = interval;
    return read_details(tokens, i + 2, match);
  }
  std::vector<Weekday> days;
  const std::size_t list_at = word == "other" ? i + 1 : i;  // "every other monday"
  if (const std::size_t next = read_weekday_list(tokens, list_at, days); next != list_at) {
    match.preset.kind = PresetKind::weekly;
    match.preset.interval = word == "other" ? 2 : 1;
    match.preset.days = days;
    match.selects_days = true;
    return next;
  }
  if (const auto month_day = read_month_day(tokens, i)) {  // "every jan 5"
    match.preset.kind = PresetKind::yearly;
    match.yearly_month = month_day->month;
    match.yearly_day = month_day->day;
    match.selects_days = true;
    return month_day->next;
  }
  const std::size_t day_at = word == "the" ? i + 1 : i;  // "every 15th", "every the 15th"
  if (day_at < tokens.size()) {
    if (const auto day = ordinal_day(tokens[day_at].word)) {
      match.preset.kind = PresetKind::monthly;
      match.preset.month_day = *day;
      match.selects_days = true;
      return day_at + 1;
    }
  }
  return i;
}

std::optional<PresetKind> adverb(const std::string& word, int& interval) {
  interval = 1;
  if (word == "daily") return PresetKind::daily;
  if (word == "weekly") return PresetKind::weekly;
  if (word == "monthly") return PresetKind::monthly;
  if (word == "yearly" || word == "annually") return PresetKind::yearly;
  if (word == "fortnightly") {
    interval = 2;
    return PresetKind::weekly;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Match> match_recurrence(const Tokens& tokens, std::size_t i, const Context&) {
  if (i >= tokens.size()) return std::nullopt;
  Match match;
  match.kind = MatchKind::recurrence;
  match.first = i;
  if (tokens[i].word == "every") {
    const std::size_t next = read_every(tokens, i + 1, match);
    if (next == i + 1) return std::nullopt;
    match.last = next;
    return match;
  }
  int interval = 1;
  const auto kind = adverb(tokens[i].word, interval);
  if (!kind) return std::nullopt;
  match.preset.kind = *kind;
  match.preset.interval = interval;
  match.last = read_details(tokens, i + 1, match);
  match.trailing_only = true;
  return match;
}

std::optional<Match> match_until(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (!word_at(tokens, i, "until") && !word_at(tokens, i, "till")) return std::nullopt;
  const auto value = read_date(tokens, i + 1, ctx);
  if (!value || value->time_of_day) return std::nullopt;  // "until tonight": not a day
  Match match;
  match.kind = MatchKind::until;
  match.first = i;
  match.last = value->next;
  match.date = value->date;
  return match;
}

std::optional<Match> match_count(const Tokens& tokens, std::size_t i) {
  const std::size_t at = word_at(tokens, i, "for") ? i + 1 : i;
  if (at + 1 >= tokens.size() || tokens[at + 1].word != "times") return std::nullopt;
  const auto count = count_word(tokens[at].word);
  if (!count || *count < 1 || *count > kMaxInterval) return std::nullopt;
  Match match;
  match.kind = MatchKind::count;
  match.first = i;
  match.last = at + 2;
  match.count = *count;
  return match;
}

}  // namespace todo::quickadd::detail
