#include "quickadd/recurrence_phrases.hpp"

#include <algorithm>

#include "quickadd/date_phrases.hpp"
#include "quickadd/time_phrases.hpp"
#include "quickadd/words.hpp"
#include "time/calendar.hpp"

namespace todo::quickadd::detail {
namespace {

using recurrence::PresetKind;
using recurrence::Weekday;
using std::chrono::seconds;

constexpr int kMaxInterval = 999;
constexpr int kMaxWeekOrdinal = 5;  // a month has at most five of each weekday
constexpr int kMaxWorkday = 23;     // and at most 23 working days
constexpr int kMaxMonthDay = 31;

const Language& words() {
  return english();
}

bool word_at(const Tokens& tokens, std::size_t i, std::string_view word) {
  return i < tokens.size() && !word.empty() && tokens[i].word == word;
}

// The token after the longest of `phrases` spelled from `i`, or `i`.
std::size_t skip_phrase(const Tokens& tokens, std::size_t i,
                        const std::vector<std::string_view>& phrases) {
  std::size_t longest = 0;
  for (std::string_view phrase : phrases)
    longest = std::max(longest, match_words(tokens, i, phrase));
  return i + longest;
}

// The token after the words joining two items of a list (",", "and", "&", ", and"), or `i`.
std::size_t skip_joiner(const Tokens& tokens, std::size_t i) {
  std::size_t j = i;
  while (j < tokens.size() && j < i + 2 && contains(words().list_words, tokens[j].word)) ++j;
  return j;
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

// "monday", "mon and wed", "monday, wednesday and friday", "mondays & fridays".
// Returns the token after the list, or i when there is none.
std::size_t read_weekday_list(const Tokens& tokens, std::size_t i, std::vector<Weekday>& days) {
  if (i >= tokens.size()) return i;
  const auto first = weekday_word_or_plural(tokens[i].word);
  if (!first) return i;
  days.push_back(*first);
  std::size_t j = i + 1;
  while (j < tokens.size()) {
    const std::size_t k = skip_joiner(tokens, j);
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

// Positions in a month: "3rd", "third", "last", "second to last", "1st and 3rd", "1st, 15th".
struct Positions {
  std::vector<int> values;
  bool all_numerals = true;  // every item was written "1st" .. "31st"
  std::size_t next = 0;
};

std::optional<std::pair<int, std::size_t>> read_position(const Tokens& tokens, std::size_t i,
                                                         bool& numeral) {
  if (i >= tokens.size()) return std::nullopt;
  // The table first: "3rd to last" is one position, not "3rd" and a title.
  const auto named = match_entry(words().week_ordinals, tokens, i);
  numeral = false;
  if (named && named->second > i + 1) return named;
  if (const auto day = ordinal_day(tokens[i].word)) {
    numeral = true;
    return std::make_pair(*day, i + 1);
  }
  return named;
}

std::optional<Positions> read_positions(const Tokens& tokens, std::size_t i) {
  bool numeral = false;
  const auto first = read_position(tokens, i, numeral);
  if (!first) return std::nullopt;
  Positions out;
  out.values.push_back(first->first);
  out.all_numerals = numeral;
  out.next = first->second;
  while (true) {
    const std::size_t k = skip_joiner(tokens, out.next);
    if (k == out.next) break;
    const auto item = read_position(tokens, k, numeral);
    if (!item) break;
    out.values.push_back(item->first);
    out.all_numerals = out.all_numerals && numeral;
    out.next = item->second;
  }
  return out;
}

bool all_within(const std::vector<int>& values, int limit) {
  return std::all_of(values.begin(), values.end(),
                     [limit](int v) { return v != 0 && v >= -limit && v <= limit; });
}

// What the positions count, read from token `j`: weekdays ("the 3rd wednesday"), working days
// ("the 15th workday"), days ("the last day"), or, with numerals only, days ("the 1st and
// 15th"); with `words_are_days` also with words ("on the first", "the last of every month").
// Fills the monthly rule of `match`; the token after it, or nullopt.
std::optional<std::size_t> read_counted(const Tokens& tokens, const Positions& positions,
                                        std::size_t j, Match& match, bool words_are_days) {
  const std::vector<int>& values = positions.values;
  if (j < tokens.size()) {
    if (const auto day = weekday_word_or_plural(tokens[j].word)) {
      if (!all_within(values, kMaxWeekOrdinal)) return std::nullopt;
      const int only = values.front();
      if (values.size() == 1 && (only == -1 || only > 0)) {
        match.preset.kind = PresetKind::monthly_weekday;
        match.preset.ordinal = only;
        match.preset.weekday = *day;
      } else {
        match.preset.kind = PresetKind::monthly;
        for (int value : values) match.nth_weekdays.emplace_back(value, *day);
      }
      return j + 1;
    }
  }
  if (const std::size_t next = skip_phrase(tokens, j, words().workday_words); next != j) {
    if (!all_within(values, kMaxWorkday)) return std::nullopt;
    match.preset.kind = PresetKind::monthly;
    match.workday_positions = values;
    return next;
  }
  std::size_t next = skip_phrase(tokens, j, words().day_words);
  if (next == j && !positions.all_numerals && !words_are_days) return std::nullopt;
  if (!all_within(values, kMaxMonthDay)) return std::nullopt;
  match.preset.kind = PresetKind::monthly;
  if (values.size() == 1 && (values.front() == -1 || values.front() > 0)) {
    match.preset.month_day = values.front();
  } else {
    match.month_days = values;
  }
  return next;
}

// After a weekly rule: "on monday and wednesday".
std::size_t read_weekly_days(const Tokens& tokens, std::size_t i, Match& match) {
  if (!word_at(tokens, i, words().on_word)) return i;
  std::vector<Weekday> days;
  const std::size_t next = read_weekday_list(tokens, i + 1, days);
  if (next == i + 1) return i;
  match.preset.kind = PresetKind::weekly;
  match.preset.days = days;
  match.selects_days = true;
  return next;
}

// "(the) 3rd wednesday", "(the) 1st and 15th", "(the) last workday" from token `i`: `match`
// with those days of each month, and the token after them.
std::optional<std::pair<Match, std::size_t>> read_month_positions(const Tokens& tokens,
                                                                  std::size_t i,
                                                                  const Match& match) {
  const std::size_t j = word_at(tokens, i, words().the_word) ? i + 1 : i;
  const auto positions = read_positions(tokens, j);
  if (!positions) return std::nullopt;
  Match read = match;
  const auto next = read_counted(tokens, *positions, positions->next, read, true);
  if (!next) return std::nullopt;
  read.selects_days = true;
  return std::make_pair(read, *next);
}

// After a monthly rule: "on the 1st", "on the 1st and 15th", "on the last day", "on the first
// monday", "on the 2nd and 4th tuesday", "on the last workday".
std::size_t read_monthly_days(const Tokens& tokens, std::size_t i, Match& match) {
  if (!word_at(tokens, i, words().on_word)) return i;
  const auto read = read_month_positions(tokens, i + 1, match);
  if (!read) return i;
  match = read->first;
  return read->second;
}

// After a yearly rule: "on jan 5", "on 5 january", "on the 5th of january".
std::size_t read_yearly_date(const Tokens& tokens, std::size_t i, Match& match) {
  if (!word_at(tokens, i, words().on_word)) return i;
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
      return read_monthly_days(tokens, i, match);
    case PresetKind::yearly:
      return read_yearly_date(tokens, i, match);
    default:
      return i;
  }
}

// "of every other month", "every 3 months", "in every 2 months": the interval of a repeat on days
// of the month. The token after it, or i.
std::size_t read_month_interval(const Tokens& tokens, std::size_t i, Match& match) {
  std::size_t j = i;
  if (word_at(tokens, j, words().of_word) || word_at(tokens, j, words().in_word)) ++j;
  if (j + 2 >= tokens.size() || !contains(words().every_words, tokens[j].word)) return i;
  const std::string& count = tokens[j + 1].word;
  const int interval = count == words().other_word ? 2 : count_word(count).value_or(0);
  if (calendar_unit(tokens[j + 2].word) != CalendarUnit::month || interval < 1 ||
      interval > kMaxInterval) {
    return i;
  }
  match.preset.interval = interval;
  return j + 3;
}

// "every 3rd wednesday", "every 1st and 15th", "every last day of the month", "every 15th
// workday", and "every 3rd day" / "every second week" (an interval). The token after it, or i.
std::size_t read_every_positions(const Tokens& tokens, std::size_t i, Match& match) {
  const auto positions = read_positions(tokens, i);
  if (!positions) return i;
  const std::size_t j = positions->next;
  const auto unit = j < tokens.size() ? calendar_unit(tokens[j].word) : std::nullopt;
  const CalendarUnit counted = unit.value_or(CalendarUnit::day);
  const bool of_month = skip_phrase(tokens, j + 1, words().month_scopes) != j + 1;
  if (unit && positions->values.size() == 1 && positions->values.front() > 0 &&
      !(counted == CalendarUnit::day && of_month)) {
    match.preset.kind = kind_of(counted);
    match.preset.interval = positions->values.front();
    return read_details(tokens, j + 1, match);
  }
  Match read = match;
  const auto next = read_counted(tokens, *positions, j, read, false);
  if (!next) return i;
  std::size_t end = skip_phrase(tokens, *next, words().month_scopes);
  if (end == *next) end = read_month_interval(tokens, *next, read);
  // "every 2nd tuesday": the second Tuesday of each month, not every other Tuesday.
  if (end == *next && read.preset.kind == PresetKind::monthly_weekday && read.preset.ordinal == 2) {
    read.assumed = "is read as the second " + tokens[j].word +
                   " of each month; write 'every other " + tokens[j].word + "' for every two weeks";
  }
  match = read;
  match.selects_days = true;
  return end;
}

// "day", "weeks", "quarter" (3 months): a unit of a repeat and how many of it one is.
std::optional<std::pair<CalendarUnit, int>> repeat_unit(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  if (const auto unit = calendar_unit(tokens[i].word)) return std::make_pair(*unit, 1);
  return lookup(words().repeat_units, tokens[i].word);
}

// What follows "every": returns the token after the phrase, or `i` when nothing fits.
std::size_t read_every(const Tokens& tokens, std::size_t i, Match& match) {
  if (i >= tokens.size()) return i;
  const std::string& word = tokens[i].word;
  // "every weekday", "every workday", "every weekend day", "every weekend", "every other weekend"
  const bool other = word == words().other_word;
  if (const auto set = match_entry(words().day_sets, tokens, other ? i + 1 : i)) {
    const DaySet& days = set->first;
    const bool work_week = days.days.size() == 5 && days.days.front() == Weekday::monday &&
                           days.days.back() == Weekday::friday;
    match.preset.kind = work_week ? PresetKind::weekdays : PresetKind::weekly;
    match.preset.interval = other ? 2 : 1;
    if (!work_week) match.preset.days = days.days;
    match.assumed = std::string(days.assumed);
    match.selects_days = true;
    return set->second;
  }
  // "every day", "every week on monday", "every month on the 1st", "every year on jan 5",
  // "every quarter"
  if (const auto unit = repeat_unit(tokens, i)) {
    match.preset.kind = kind_of(unit->first);
    match.preset.interval = unit->second;
    return read_details(tokens, i + 1, match);
  }
  // "every morning": every day at 09:00; "every morning and evening": at 09:00 and 19:00
  if (const auto part = read_day_part(tokens, i, true)) {
    match.preset.kind = PresetKind::daily;
    match.time_of_day = part->first;
    match.times.push_back(part->first);
    std::size_t next = part->second;
    while (true) {
      const std::size_t k = skip_joiner(tokens, next);
      const auto more = k != next ? read_day_part(tokens, k, true) : std::nullopt;
      if (!more) break;
      match.times.push_back(more->first);
      next = more->second;
    }
    if (match.times.size() < 2) match.times.clear();
    return next;
  }
  // "every 3 days", "every other week", "every 2 quarters"
  const auto unit = repeat_unit(tokens, i + 1);
  if (unit && (other || count_word(word))) {
    const int interval = (other ? 2 : *count_word(word)) * unit->second;
    if (interval < 1 || interval > kMaxInterval) return i;
    match.preset.kind = kind_of(unit->first);
    match.preset.interval = interval;
    return read_details(tokens, i + 2, match);
  }
  // "every hour", "every 2 hours", "every other hour", "every 30 minutes"
  if (const auto minutes = lookup(words().clock_units, word)) {
    match.every_minutes = *minutes;
    return i + 1;
  }
  const auto clock =
      i + 1 < tokens.size() ? lookup(words().clock_units, tokens[i + 1].word) : std::nullopt;
  if (clock && (other || count_word(word))) {
    const int count = other ? 2 : *count_word(word);
    if (count < 1 || count > kMaxInterval) return i;
    match.every_minutes = count * *clock;
    return i + 2;
  }
  // "every 3rd wednesday", "every 15th", "every the 15th", "every last workday"
  const std::size_t at = word == words().the_word ? i + 1 : i;
  if (const std::size_t next = read_every_positions(tokens, at, match); next != at) return next;
  // "every monday and wednesday", "every other monday"
  std::vector<Weekday> days;
  const std::size_t list_at = other ? i + 1 : i;
  if (const std::size_t next = read_weekday_list(tokens, list_at, days); next != list_at) {
    match.preset.kind = PresetKind::weekly;
    match.preset.interval = other ? 2 : 1;
    match.preset.days = days;
    match.selects_days = true;
    return next;
  }
  // "every jan 5"
  if (const auto month_day = read_month_day(tokens, i)) {
    match.preset.kind = PresetKind::yearly;
    match.yearly_month = month_day->month;
    match.yearly_day = month_day->day;
    match.selects_days = true;
    return month_day->next;
  }
  // "every 27": a day of the month, at the end of the text only
  if (all_digits(word) && word.size() <= 2) {
    const int day = digits_value(word);
    if (day >= 1 && day <= kMaxMonthDay) {
      match.preset.kind = PresetKind::monthly;
      match.preset.month_day = day;
      match.selects_days = true;
      match.trailing_only = true;
      return i + 1;
    }
  }
  return i;
}

// "(on) (the) 1st of every month", "the last friday of each month", "first monday of every
// month", "the 15th workday of each month". The token after it, or i.
std::size_t read_of_every_month(const Tokens& tokens, std::size_t i, Match& match) {
  std::size_t j = i;
  if (j < tokens.size() && contains(words().date_markers, tokens[j].word)) ++j;
  const auto read = read_month_positions(tokens, j, match);
  if (!read) return i;
  Match found = read->first;
  std::size_t end = skip_phrase(tokens, read->second, words().each_month);
  if (end == read->second) end = read_month_interval(tokens, read->second, found);
  if (end == read->second) return i;
  match = found;
  return end;
}

// "3 days", "a week": a count (1-999) and a calendar unit from token `i`.
std::optional<std::pair<int, CalendarUnit>> read_count_and_unit(const Tokens& tokens,
                                                                std::size_t i) {
  if (i + 1 >= tokens.size()) return std::nullopt;
  const auto count = count_word(tokens[i].word, true);
  const auto unit = calendar_unit(tokens[i + 1].word);
  if (!count || !unit || *count < 1 || *count > kMaxInterval) return std::nullopt;
  return std::make_pair(*count, *unit);
}

// "on mondays", "on mondays and thursdays", "on weekdays", "on weekends", and without "on"
// (at the end of the text only) "mondays": days in the plural repeat every week. The token
// after them, or i.
std::size_t read_plural_days(const Tokens& tokens, std::size_t i, Match& match) {
  const bool on = word_at(tokens, i, words().on_word);
  const std::size_t j = on ? i + 1 : i;
  if (j >= tokens.size()) return i;
  const std::string_view plural = words().plural;
  const auto is_plural = [plural](const std::string& word) {
    return word.size() > plural.size() &&
           word.compare(word.size() - plural.size(), plural.size(), plural) == 0;
  };
  std::size_t next = j;
  if (const auto set = match_entry(words().day_sets, tokens, j);
      set && is_plural(tokens[set->second - 1].word)) {
    const bool work_week = set->first.days.size() == 5;
    match.preset.kind = work_week ? PresetKind::weekdays : PresetKind::weekly;
    if (!work_week) match.preset.days = set->first.days;
    match.assumed = std::string(set->first.assumed);
    next = set->second;
  } else {
    std::vector<Weekday> days;
    next = read_weekday_list(tokens, j, days);
    if (next == j) return i;
    for (std::size_t k = j; k < next; ++k) {
      if (weekday_word(tokens[k].word)) return i;  // "monday": one day, not a repeat
    }
    match.preset.kind = PresetKind::weekly;
    match.preset.days = days;
  }
  match.selects_days = true;
  match.trailing_only = !on;
  return next;
}

// "after 10 days", "after a week": counted from each completion.
std::size_t read_after(const Tokens& tokens, std::size_t i, Match& match) {
  if (i >= tokens.size() || !contains(words().after_words, tokens[i].word)) return i;
  const auto span = read_count_and_unit(tokens, i + 1);
  if (!span) return i;
  match.preset.kind = kind_of(span->second);
  match.preset.interval = span->first;
  match.completion = true;
  return i + 3;
}

// "except sunday", "but not friday and saturday" after a repeat on days of the week: those days
// left out ("every day except sunday" is Monday to Saturday). The token after it, or i.
std::size_t read_except(const Tokens& tokens, std::size_t i, Match& match) {
  const std::size_t j = skip_phrase(tokens, i, words().except_words);
  if (j == i) return i;
  std::vector<Weekday> left_out;
  const std::size_t next = read_weekday_list(tokens, j, left_out);
  if (next == j) return i;
  std::vector<Weekday> days;
  const recurrence::Preset& preset = match.preset;
  const auto refuse = [&match, next] {
    match.refused =
        "leaves out days only from a repeat every day or every week; it stays in "
        "the title";
    return next;
  };
  if (preset.interval != 1) return refuse();
  if (preset.kind == PresetKind::daily) {
    for (int d = 0; d < 7; ++d) days.push_back(static_cast<Weekday>(d));
  } else if (preset.kind == PresetKind::weekdays) {
    days = {Weekday::monday, Weekday::tuesday, Weekday::wednesday, Weekday::thursday,
            Weekday::friday};
  } else if (preset.kind == PresetKind::weekly && !preset.days.empty()) {
    days = preset.days;
  } else {
    return refuse();
  }
  std::vector<Weekday> kept;
  for (Weekday day : days) {
    if (std::find(left_out.begin(), left_out.end(), day) == left_out.end()) kept.push_back(day);
  }
  if (kept.empty() || kept.size() == days.size()) return refuse();
  match.preset.kind = PresetKind::weekly;
  match.preset.days = kept;
  match.selects_days = true;
  return next;
}

// What may follow a repeat: a part of the day ("every monday morning") and "after completion".
std::size_t read_tail(const Tokens& tokens, std::size_t i, Match& match, const Context& ctx) {
  std::size_t j = read_except(tokens, i, match);
  if (!match.time_of_day) {
    if (const auto part = read_day_part(tokens, j, true)) {
      match.time_of_day = part->first;
      j = part->second;
    }
  }
  if (const std::size_t next = skip_phrase(tokens, j, words().completion_phrases); next != j) {
    match.completion = true;
    j = next;
  }
  // "every 12 hours starting at 7pm", "every day starting on monday": the start word goes with
  // the repeat, the time or date (which has its own marker) is read next
  if (j + 1 < tokens.size() && contains(words().start_words, tokens[j].word)) {
    const std::string& marker = tokens[j + 1].word;
    if ((contains(words().at_words, marker) && read_time(tokens, j + 2)) ||
        (contains(words().date_markers, marker) && read_date(tokens, j + 2, ctx))) {
      ++j;
    }
  }
  return j;
}

// "june", "june 2027" after an end word: the month's first day ("until") or last day
// ("through", "until the end of"). nullopt unless a month alone follows.
std::optional<std::pair<time::LocalDate, std::size_t>> read_end_month(const Tokens& tokens,
                                                                      std::size_t i, MonthPart part,
                                                                      const Context& ctx) {
  if (i >= tokens.size() || read_month_day(tokens, i)) return std::nullopt;
  const auto month = month_word(tokens[i].word);
  if (!month) return std::nullopt;
  std::optional<int> year;
  std::size_t next = i + 1;
  if (next < tokens.size()) {
    year = year_word(tokens[next].word);
    if (year) ++next;
  }
  if (part == MonthPart::end) {
    const int y = year ? *year : (*month >= ctx.today.month ? ctx.today.year : ctx.today.year + 1);
    return std::make_pair(
        time::LocalDate{y, *month, static_cast<unsigned>(time::days_in_month(y, *month))}, next);
  }
  if (year) return std::make_pair(time::LocalDate{*year, *month, 1}, next);
  const auto first = time::first_month_and_day_on_or_after(ctx.today, *month, 1);
  if (!first) return std::nullopt;
  return std::make_pair(*first, next);
}

// "for 6 weeks", "for a month", "for the next 10 days".
std::optional<Match> read_for_span(const Tokens& tokens, std::size_t i) {
  const std::size_t j = skip_phrase(tokens, i, words().for_words);
  if (j == i) return std::nullopt;
  const auto span = read_count_and_unit(tokens, j);
  if (!span) return std::nullopt;
  Match match;
  match.kind = MatchKind::until;
  match.first = i;
  match.last = j + 2;
  const int count = span->first;
  switch (span->second) {
    case CalendarUnit::day:
      match.span_days = count;
      break;
    case CalendarUnit::week:
      match.span_days = 7 * count;
      break;
    case CalendarUnit::month:
      match.span_months = count;
      break;
    case CalendarUnit::year:
      match.span_months = 12 * count;
      break;
  }
  return match;
}

// "this week", "for the rest of the month", "in january" (after a repeat): an end, and for a
// month to come its start too.
std::optional<Match> read_scope(const Tokens& tokens, std::size_t i, const Context& ctx) {
  const auto scope = match_entry(words().scope_words, tokens, i);
  if (!scope) return std::nullopt;
  Match match;
  match.kind = MatchKind::until;
  match.first = i;
  match.last = scope->second;
  const time::LocalDate& today = ctx.today;
  switch (scope->first) {
    case RepeatScope::this_week:
      match.date = time::first_on_or_after(today, Weekday::sunday);
      return match;
    case RepeatScope::this_month:
      match.date =
          time::LocalDate{today.year, today.month,
                          static_cast<unsigned>(time::days_in_month(today.year, today.month))};
      return match;
    case RepeatScope::named_month:
      break;
  }
  const auto month = read_end_month(tokens, scope->second, MonthPart::end, ctx);
  if (!month) return std::nullopt;
  match.date = month->first;
  match.last = month->second;
  const time::LocalDate first{match.date.year, match.date.month, 1};
  if (today < first) match.scope_start = first;
  return match;
}

}  // namespace

std::optional<Match> match_recurrence(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (i >= tokens.size()) return std::nullopt;
  Match match;
  match.kind = MatchKind::recurrence;
  match.first = i;
  if (contains(words().every_words, tokens[i].word)) {
    std::size_t j = i + 1;
    // "every! 3 days": the mark glued to the word
    if (word_at(tokens, j, words().completion_mark) && tokens[j].begin == tokens[i].end) {
      match.completion = true;
      ++j;
    }
    const std::size_t next = read_every(tokens, j, match);
    if (next == j) return std::nullopt;
    match.last = read_tail(tokens, next, match, ctx);
    return match;
  }
  if (const std::size_t next = read_of_every_month(tokens, i, match); next != i) {
    match.last = read_tail(tokens, next, match, ctx);
    return match;
  }
  if (const std::size_t next = read_plural_days(tokens, i, match); next != i) {
    match.last = read_tail(tokens, next, match, ctx);
    return match;
  }
  if (const std::size_t next = read_after(tokens, i, match); next != i) {
    match.last = next;
    return match;
  }
  if (const auto minutes = lookup(words().clock_adverbs, tokens[i].word)) {  // "hourly"
    match.every_minutes = *minutes;
    match.last = read_tail(tokens, i + 1, match, ctx);
    match.trailing_only = true;
    return match;
  }
  if (const auto once = match_entry(words().once_phrases, tokens, i)) {  // "once a week"
    match.preset.kind = kind_of(once->first);
    match.last = read_tail(tokens, read_details(tokens, once->second, match), match, ctx);
    return match;
  }
  const auto adverb = lookup(words().repeat_adverbs, tokens[i].word);
  if (!adverb) return std::nullopt;
  match.preset.kind = kind_of(adverb->first);
  match.preset.interval = adverb->second;
  match.last = read_tail(tokens, read_details(tokens, i + 1, match), match, ctx);
  match.trailing_only = true;
  return match;
}

std::optional<Match> match_until(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (i >= tokens.size()) return std::nullopt;
  if (auto span = read_for_span(tokens, i)) return span;
  if (auto scope = read_scope(tokens, i, ctx)) return scope;
  std::optional<Match> best;
  const auto consider = [&best](const Match& match) {
    if (!best || match.last > best->last) best = match;
  };
  Match match;
  match.kind = MatchKind::until;
  match.first = i;
  // "until the end of june"
  for (std::string_view words_of : words().month_end_words) {
    const std::size_t n = match_words(tokens, i, words_of);
    if (n == 0) continue;
    if (const auto month = read_end_month(tokens, i + n, MonthPart::end, ctx)) {
      match.date = month->first;
      match.last = month->second;
      consider(match);
    }
  }
  for (const auto& entry : words().end_words) {
    const std::size_t n = match_words(tokens, i, entry.words);
    if (n == 0) continue;
    match.assumed.clear();
    match.time_of_day.reset();
    if (const auto month = read_end_month(tokens, i + n, entry.value, ctx)) {  // "until june"
      match.date = month->first;
      match.last = month->second;
      if (entry.value == MonthPart::start) {
        match.assumed = "is read as until " + time::format_local_date(match.date) +
                        ", the first day of that month; write 'through " + tokens[i + n].word +
                        "' to include the whole month";
      }
    } else if (const auto value = read_date(tokens, i + n, ctx)) {  // "until dec 31"
      match.date = value->date;
      match.time_of_day = value->time_of_day;  // "until tonight": not a day (refused later)
      match.last = value->next;
    } else {
      // "until 5pm": an end at a time of day, read whole so that it is never half read
      const std::size_t at = i + n < tokens.size() && contains(words().at_words, tokens[i + n].word)
                                 ? i + n + 1
                                 : i + n;
      const auto clock = read_time(tokens, at);
      if (!clock) continue;
      match.date = ctx.today;
      match.time_of_day = clock->time_of_day;
      match.last = clock->next;
    }
    consider(match);
  }
  return best;
}

std::optional<Match> match_count(const Tokens& tokens, std::size_t i) {
  const std::size_t at = skip_phrase(tokens, i, words().for_words);
  if (at + 1 >= tokens.size() || !contains(words().times_words, tokens[at + 1].word)) {
    return std::nullopt;
  }
  const auto count = count_word(tokens[at].word);
  if (!count || *count < 1 || *count > kMaxInterval) return std::nullopt;
  Match match;
  match.kind = MatchKind::count;
  match.first = i;
  match.last = at + 2;
  match.count = *count;
  return match;
}

std::optional<Match> match_times(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const bool at = contains(words().at_words, tokens[i].word);
  const auto first = read_time(tokens, at ? i + 1 : i);
  if (!first) return std::nullopt;
  Match match;
  match.kind = MatchKind::time;
  match.first = i;
  match.times.push_back(first->time_of_day);
  std::size_t j = first->next;
  while (true) {
    std::size_t k = skip_joiner(tokens, j);
    if (k == j) break;
    if (k < tokens.size() && contains(words().at_words, tokens[k].word)) ++k;
    const auto next = read_time(tokens, k);
    if (!next) break;
    match.times.push_back(next->time_of_day);
    j = next->next;
  }
  if (match.times.size() < 2) return std::nullopt;
  match.last = j;
  match.time_of_day = match.times.front();
  match.trailing_only = first->bare && !at;
  return match;
}

}  // namespace todo::quickadd::detail
