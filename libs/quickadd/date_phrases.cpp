#include "quickadd/date_phrases.hpp"

#include <array>
#include <string>

#include "quickadd/time_phrases.hpp"
#include "quickadd/words.hpp"
#include "time/calendar.hpp"
#include "time/time_zone.hpp"

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;

constexpr int kMaxIn = 999;

bool word_at(const Tokens& tokens, std::size_t i, std::string_view word) {
  return i < tokens.size() && tokens[i].word == word;
}

std::string describe(const time::LocalDate& date);
std::string month_name(int month);

DateValue day_value(const time::LocalDate& date, std::size_t next, bool bare,
                    std::optional<seconds> time_of_day) {
  DateValue value;
  value.date = date;
  value.next = next;
  value.bare = bare;
  value.time_of_day = time_of_day;
  return value;
}

const std::string* word_ptr(const Tokens& tokens, std::size_t i) {
  return i < tokens.size() ? &tokens[i].word : nullptr;
}

// A span ahead from token `j`: "3 days", "a week", "2 months", "2 hours", "30 minutes", "30m".
std::optional<DateValue> read_ahead(const Tokens& tokens, std::size_t j, const Context& ctx) {
  if (j >= tokens.size()) return std::nullopt;
  std::optional<seconds> span;
  std::optional<CalendarUnit> unit;
  int n = 0;
  std::size_t next = 0;
  if (const auto compact = compact_duration(tokens[j].word)) {
    next = j + 1;
    const char last = tokens[j].word.back();
    if (last == 'd' || last == 'w' || last == 'k' ||
        (last == 's' && compact->count() % 86400 == 0)) {
      unit = CalendarUnit::day;  // "in 2d", "in 1w": whole days, like "in 2 days"
      n = static_cast<int>(compact->count() / 86400);
    } else {
      span = *compact;
    }
  } else {
    const auto count = count_word(tokens[j].word, true);
    if (!count || *count < 1 || *count > kMaxIn || j + 1 >= tokens.size()) return std::nullopt;
    n = *count;
    unit = calendar_unit(tokens[j + 1].word);
    if (!unit) {
      const auto length = duration_unit(tokens[j + 1].word);
      if (!length) return std::nullopt;
      span = *length * n;
    }
    next = j + 2;
  }
  DateValue value;
  value.next = next;
  if (unit) {
    switch (*unit) {
      case CalendarUnit::day:
        value.date = time::add_days(ctx.today, n);
        break;
      case CalendarUnit::week:
        value.date = time::add_days(ctx.today, 7L * n);
        break;
      case CalendarUnit::month:
        value.date = time::add_months_clamped(ctx.today, n);
        break;
      case CalendarUnit::year:
        value.date = time::add_months_clamped(ctx.today, 12 * n);
        break;
    }
    return value;
  }
  // A span of hours or minutes is elapsed time: the local clock at that moment, to the minute.
  const time::LocalDue then = time::to_local(ctx.now + *span, ctx.zone);
  value.date = then.date;
  value.time_of_day = seconds{then.time_of_day->count() / 60 * 60};
  return value;
}

// "in 3 days", "in 2 hours"; "3 days from now", "a week from today".
std::optional<DateValue> read_in(const Tokens& tokens, std::size_t i, const Context& ctx) {
  const Language& lang = english();
  if (word_at(tokens, i, lang.in_word)) return read_ahead(tokens, i + 1, ctx);
  auto value = read_ahead(tokens, i, ctx);
  if (!value) return std::nullopt;
  for (std::string_view from_now : lang.from_now) {
    if (const std::size_t n = match_words(tokens, value->next, from_now)) {
      value->next += n;
      return value;
    }
  }
  return std::nullopt;
}

// "2026-12-01"
std::optional<DateValue> read_iso(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size() || tokens[i].word.size() != 10 || tokens[i].word[4] != '-') {
    return std::nullopt;
  }
  const auto date = time::parse_local_date(tokens[i].word);
  if (!date) return std::nullopt;
  return day_value(*date, i + 1, false, std::nullopt);
}

// "10/20", "20/10", "10/20/2027", "20/10/27": month/day (as in the US) unless the first number
// cannot be a month; when both can, the answer says which was assumed. And "2027/01/27".
std::optional<DateValue> read_numeric(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (i >= tokens.size()) return std::nullopt;
  const std::string& word = tokens[i].word;
  const auto slash = word.find('/');
  if (slash == 4 && word.size() == 10 && word[7] == '/') {  // "2027/01/27"
    std::string iso = word;
    iso[4] = '-';
    iso[7] = '-';
    const auto date = time::parse_local_date(iso);
    if (!date) return std::nullopt;
    return day_value(*date, i + 1, false, std::nullopt);
  }
  if (slash == std::string::npos || slash == 0 || slash > 2) return std::nullopt;
  const auto second = word.find('/', slash + 1);
  const std::string_view a = std::string_view(word).substr(0, slash);
  const std::string_view b = std::string_view(word).substr(
      slash + 1, second == std::string::npos ? std::string::npos : second - slash - 1);
  const std::string_view y =
      second == std::string::npos ? std::string_view{} : std::string_view(word).substr(second + 1);
  if (!all_digits(a) || !all_digits(b) || b.size() > 2) return std::nullopt;
  if (second != std::string::npos && (!all_digits(y) || (y.size() != 2 && y.size() != 4))) {
    return std::nullopt;
  }
  const int first_number = digits_value(a);
  const int second_number = digits_value(b);
  const bool day_first = first_number > 12;
  const int month = day_first ? second_number : first_number;
  const int day = day_first ? first_number : second_number;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  DateValue value;
  value.next = i + 1;
  value.bare = true;  // "3/4 cup": only at the end or after a marker
  if (!y.empty()) {
    const int year = y.size() == 2 ? 2000 + digits_value(y) : digits_value(y);
    value.date = time::LocalDate{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
    if (!time::is_valid_date(value.date)) return std::nullopt;
  } else {
    const auto date = time::first_month_and_day_on_or_after(ctx.today, static_cast<unsigned>(month),
                                                            static_cast<unsigned>(day));
    if (!date) return std::nullopt;
    value.date = *date;
  }
  if (!day_first && second_number <= 12 && first_number != second_number) {
    value.assumed = "is assumed to be month/day, " + describe(value.date) + "; write '" +
                    std::to_string(first_number) + " " + month_name(second_number) +
                    "' for the other reading";
  }
  return value;
}

// An optional year after a month day: "dec 1 2027", "dec 1, 2027". Returns the token after it.
std::size_t read_year(const Tokens& tokens, std::size_t i, std::optional<int>& year) {
  std::size_t j = i;
  if (word_at(tokens, j, ",")) ++j;
  if (j < tokens.size()) {
    if (auto y = year_word(tokens[j].word)) {
      year = y;
      return j + 1;
    }
  }
  return i;
}

std::optional<DateValue> read_calendar_date(const Tokens& tokens, std::size_t i,
                                            const Context& ctx) {
  const auto month_day = read_month_day(tokens, i);
  if (!month_day) return std::nullopt;
  std::optional<int> year;
  const std::size_t next = read_year(tokens, month_day->next, year);
  DateValue value;
  value.next = next;
  if (year) {
    value.date = time::LocalDate{*year, month_day->month, static_cast<unsigned>(month_day->day)};
    if (!time::is_valid_date(value.date)) return std::nullopt;
    return value;
  }
  const auto date = time::first_month_and_day_on_or_after(ctx.today, month_day->month,
                                                          static_cast<unsigned>(month_day->day));
  if (!date) return std::nullopt;  // "feb 30": no such day
  value.date = *date;
  value.bare = true;
  return value;
}

std::string describe(const time::LocalDate& date) {
  static const std::array<const char*, 7> kDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  static const std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::string(kDays[static_cast<std::size_t>(time::weekday_of(date))]) + " " +
         std::to_string(date.day) + " " + kMonths[date.month - 1] + " " + std::to_string(date.year);
}

std::string month_name(int month) {
  static const std::array<const char*, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  return kShort[static_cast<std::size_t>(month - 1)];
}

time::LocalDate monday_of(const time::LocalDate& date) {
  return time::last_on_or_before(date, time::Weekday::monday);
}

time::LocalDate last_of_month(int year, unsigned month) {
  return time::LocalDate{year, month, static_cast<unsigned>(time::days_in_month(year, month))};
}

// "this weekend", "end of the month", "next year", "over the weekend": the table's periods, with
// an optional "the" first ("by the end of the year").
std::optional<DateValue> read_period(const Tokens& tokens, std::size_t i, const Context& ctx) {
  const Language& lang = english();
  std::size_t at = i;
  auto found = match_entry(lang.periods, tokens, at);
  if (!found && word_at(tokens, i, lang.the_word)) {
    at = i + 1;
    found = match_entry(lang.periods, tokens, at);
  }
  if (!found) return std::nullopt;
  const Period period = found->first;
  if (period.needs_marker && at == i) return std::nullopt;  // "weekend" alone, without "the"
  const time::LocalDate today = ctx.today;
  const time::Weekday weekday = time::weekday_of(today);
  const bool weekend_now = weekday == time::Weekday::saturday || weekday == time::Weekday::sunday;
  const time::LocalDate monday = time::add_days(monday_of(today), 7L * period.offset);
  DateValue value;
  value.next = found->second;
  value.period = true;
  value.needs_marker = period.needs_marker;
  switch (period.anchor) {
    case PeriodAnchor::week_start:
      value.date = monday;
      break;
    case PeriodAnchor::weekend:
      // The Saturday of the week; on a Sunday this weekend is today.
      value.date = time::add_days(monday, 5);
      if (value.date < today) value.date = today;
      if (period.offset > 0 && !weekend_now) {
        value.assumed = "is assumed to be " + describe(value.date) +
                        ", next week's; write 'this weekend' for " +
                        describe(time::add_days(value.date, -7));
      }
      break;
    case PeriodAnchor::week_end:
      // The end of the working week, Friday; on a weekend the week ends on Sunday.
      value.date = time::add_days(monday, 4);
      if (value.date < today) value.date = time::add_days(monday, 6);
      if (period.offset > 0 || !weekend_now) {
        value.assumed = "is assumed to be " + describe(value.date) +
                        ", the end of the working week; write 'sunday' for " +
                        describe(time::add_days(value.date, 2));
      }
      break;
    case PeriodAnchor::month_start:
      value.date =
          time::add_months_clamped(time::LocalDate{today.year, today.month, 1}, period.offset);
      value.assumed = "is assumed to be " + describe(value.date) +
                      ", the first day of the month; write 'in a month' for " +
                      describe(time::add_months_clamped(today, period.offset));
      break;
    case PeriodAnchor::month_mid:
      value.date = time::first_month_day_on_or_after(today, 15);
      break;
    case PeriodAnchor::month_end: {
      const time::LocalDate first =
          time::add_months_clamped(time::LocalDate{today.year, today.month, 1}, period.offset);
      value.date = last_of_month(first.year, first.month);
      break;
    }
    case PeriodAnchor::year_start:
      value.date = time::LocalDate{today.year + period.offset, 1, 1};
      if (period.offset > 0) {
        value.assumed = "is assumed to be " + describe(value.date) +
                        ", the first day of the year; write 'in a year' for " +
                        describe(time::add_months_clamped(today, 12 * period.offset));
      }
      break;
    case PeriodAnchor::year_end:
      value.date = time::LocalDate{today.year + period.offset, 12, 31};
      break;
  }
  return value;
}

// "mid january", "mid-january", "end of february", "the beginning of march": that part of the
// next such month (today included).
std::optional<DateValue> read_month_part(const Tokens& tokens, std::size_t i, const Context& ctx) {
  const Language& lang = english();
  if (i >= tokens.size()) return std::nullopt;
  std::size_t at = word_at(tokens, i, lang.the_word) ? i + 1 : i;
  std::optional<MonthPart> part;
  std::optional<unsigned> month;
  std::size_t next = 0;
  if (auto found = match_entry(lang.month_parts, tokens, at);
      found && found->second < tokens.size()) {
    part = found->first;
    month = month_word(tokens[found->second].word);
    next = found->second + 1;
  }
  if (!month && at < tokens.size()) {  // "mid-january": one token
    const std::string& word = tokens[at].word;
    const auto dash = word.find('-');
    if (dash != std::string::npos) {
      part = lookup(lang.month_parts, std::string_view(word).substr(0, dash));
      month = month_word(std::string_view(word).substr(dash + 1));
      next = at + 1;
    }
  }
  if (!part || !month) return std::nullopt;
  const auto on_day = [&](int year) {
    switch (*part) {
      case MonthPart::start:
        return time::LocalDate{year, *month, 1};
      case MonthPart::middle:
        return time::LocalDate{year, *month, 15};
      case MonthPart::end:
        break;
    }
    return last_of_month(year, *month);
  };
  DateValue value;
  value.date = on_day(ctx.today.year);
  if (value.date < ctx.today) value.date = on_day(ctx.today.year + 1);
  value.next = next;
  value.period = true;
  return value;
}

// "next friday": the Friday of next week (weeks start on Monday), nine days ahead when seen from
// a Wednesday; said when this week still has a Friday, the answer says which one it took.
std::optional<DateValue> read_next_weekday(const Tokens& tokens, std::size_t i,
                                           const Context& ctx) {
  if (!word_at(tokens, i, english().next_word) || i + 1 >= tokens.size()) return std::nullopt;
  const auto day = weekday_word(tokens[i + 1].word);
  if (!day) return std::nullopt;
  const time::LocalDate next_monday = time::add_days(monday_of(ctx.today), 7);
  DateValue value;
  value.date = time::first_on_or_after(next_monday, *day);
  value.next = i + 2;
  const time::LocalDate coming = time::first_on_or_after(time::add_days(ctx.today, 1), *day);
  if (coming != value.date) {
    value.assumed = "is assumed to be " + describe(value.date) + ", next week's; write '" +
                    tokens[i + 1].word + "' for " + describe(coming);
  }
  return value;
}

// "today", "tomorrow", "the day after tomorrow", "tonight", "this friday", "this morning",
// "friday", and the periods.
std::optional<DateValue> read_named_day(const Tokens& tokens, std::size_t i, const Context& ctx) {
  const Language& lang = english();
  if (auto day = match_entry(lang.relative_days, tokens, i)) {
    return day_value(time::add_days(ctx.today, day->first), day->second, false, std::nullopt);
  }
  if (auto day = match_entry(lang.day_and_part, tokens, i)) {
    auto value = day_value(time::add_days(ctx.today, day->first.first), day->second, false,
                           day->first.second);
    value.part_of_day = true;
    value.period = true;  // "at the end of the day", like "at the end of the week"
    return value;
  }
  if (auto period = read_period(tokens, i, ctx)) return period;
  if (auto part = read_month_part(tokens, i, ctx)) return part;
  if (auto next = read_next_weekday(tokens, i, ctx)) return next;
  if (word_at(tokens, i, lang.this_word) && i + 1 < tokens.size()) {
    if (const auto day = weekday_word(tokens[i + 1].word)) {
      return day_value(time::first_on_or_after(ctx.today, *day), i + 2, false, std::nullopt);
    }
    if (const auto part = lookup(lang.day_parts, tokens[i + 1].word)) {  // "this evening"
      auto value = day_value(ctx.today, i + 2, false, *part);
      value.part_of_day = true;
      return value;
    }
    return std::nullopt;
  }
  if (i < tokens.size()) {
    if (const auto day = weekday_word(tokens[i].word)) {
      // "friday next week", "friday this week": that week's Friday, anywhere in the text.
      for (const auto& week : lang.weeks) {
        if (const std::size_t n = match_words(tokens, i + 1, week.words)) {
          const time::LocalDate monday = time::add_days(monday_of(ctx.today), 7L * week.value);
          return day_value(time::first_on_or_after(monday, *day), i + 1 + n, false, std::nullopt);
        }
      }
      return day_value(time::first_on_or_after(ctx.today, *day), i + 1, true, std::nullopt);
    }
  }
  return std::nullopt;
}

// A date without a part of the day after it.
std::optional<DateValue> read_day(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (i >= tokens.size()) return std::nullopt;
  if (auto named = read_named_day(tokens, i, ctx)) return named;
  if (auto in = read_in(tokens, i, ctx)) return in;
  if (auto iso = read_iso(tokens, i)) return iso;
  if (auto numeric = read_numeric(tokens, i, ctx)) return numeric;
  if (auto calendar = read_calendar_date(tokens, i, ctx)) return calendar;
  // "the 1st": the next day of the month with that number.
  if (word_at(tokens, i, english().the_word) && i + 1 < tokens.size()) {
    if (const auto day = ordinal_day(tokens[i + 1].word)) {
      return day_value(time::first_month_day_on_or_after(ctx.today, static_cast<unsigned>(*day)),
                       i + 2, true, std::nullopt);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<MonthDay> read_month_day(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  // "jan 5", "january 5th"
  if (const auto month = month_word(tokens[i].word)) {
    const std::string* day_text = word_ptr(tokens, i + 1);
    if (!day_text) return std::nullopt;
    const auto day = day_number(*day_text);
    if (!day) return std::nullopt;
    if (!time::is_valid_date(time::LocalDate{2000, *month, static_cast<unsigned>(*day)})) {
      return std::nullopt;  // 2000 is a leap year: only days no year has fail here
    }
    return MonthDay{*month, *day, i + 2};
  }
  // "5 jan", "5th of january", "the 5th of january"
  std::size_t j = i;
  if (word_at(tokens, j, "the")) ++j;
  const std::string* day_text = word_ptr(tokens, j);
  if (!day_text) return std::nullopt;
  const auto day = j == i ? day_number(*day_text) : ordinal_day(*day_text);
  if (!day) return std::nullopt;
  ++j;
  if (word_at(tokens, j, "of")) ++j;
  const std::string* month_text = word_ptr(tokens, j);
  if (!month_text) return std::nullopt;
  const auto month = month_word(*month_text);
  if (!month) return std::nullopt;
  if (!time::is_valid_date(time::LocalDate{2000, *month, static_cast<unsigned>(*day)})) {
    return std::nullopt;
  }
  return MonthDay{*month, *day, j + 1};
}

std::optional<DateValue> read_date(const Tokens& tokens, std::size_t i, const Context& ctx) {
  auto value = read_day(tokens, i, ctx);
  if (!value) return value;
  // A part of the day after the date: "tomorrow morning", "friday evening", "monday at night".
  bool part_of_day = value->part_of_day;
  if (!value->time_of_day) {
    if (const auto part = read_day_part(tokens, value->next, true)) {
      value->time_of_day = part->first;
      value->next = part->second;
      part_of_day = true;
    }
  }
  // Then a clock without am/pm takes its half of the day from it: "tonight at 8" (20:00),
  // "tomorrow morning at 7:30".
  if (part_of_day && value->next + 1 < tokens.size() &&
      contains(english().at_words, tokens[value->next].word)) {
    if (const auto t = clock_in_part(tokens[value->next + 1].word, *value->time_of_day)) {
      value->time_of_day = *t;
      value->next += 2;
    }
  }
  return value;
}

std::optional<std::pair<seconds, std::size_t>> read_day_part(const Tokens& tokens, std::size_t i,
                                                             bool bare) {
  const Language& lang = english();
  if (i >= tokens.size()) return std::nullopt;
  for (std::string_view marker : lang.day_part_markers) {
    const std::size_t n = match_words(tokens, i, marker);
    if (n == 0 || i + n >= tokens.size()) continue;
    if (const auto part = lookup(lang.day_parts, tokens[i + n].word)) {
      // "at night", "in the morning"; not "at morning" or "in the night".
      const bool at = n == 1;
      const bool night = contains(lang.at_only_day_parts, tokens[i + n].word);
      if (at == night) return std::make_pair(*part, i + n + 1);
    }
  }
  if (bare) {
    if (const auto part = lookup(lang.day_parts, tokens[i].word)) {
      return std::make_pair(*part, i + 1);
    }
  }
  return std::nullopt;
}

std::optional<Match> match_due(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (i >= tokens.size()) return std::nullopt;
  const Language& lang = english();
  const std::string& word = tokens[i].word;
  const bool date_marker = contains(lang.date_markers, word);
  const bool period_marker = date_marker || contains(lang.period_markers, word);
  const std::size_t at = period_marker ? i + 1 : i;
  auto value = read_date(tokens, at, ctx);
  // "on 1st", "by 15th": a day of the month after a marker, as "on the 1st" (and, as that, only
  // at the end: "on 1st floor").
  bool day_of_month = false;
  if (!value && date_marker && at < tokens.size()) {
    day_of_month = true;
    if (const auto day = ordinal_day(tokens[at].word)) {
      value = day_value(time::first_month_day_on_or_after(ctx.today, static_cast<unsigned>(*day)),
                        at + 1, true, std::nullopt);
    }
  }
  if (!value) return std::nullopt;
  // "at", "over", "before" go with periods only ("at the end of the month"), not "at friday".
  if (period_marker && !date_marker && !value->period) return std::nullopt;
  if (value->needs_marker && !period_marker) return std::nullopt;  // "the weekend"
  // The last of a list of weekdays ("monday, wednesday and friday") is not a date of its own:
  // reading only "friday" would leave the rest in the title.
  if (at >= 2 && weekday_word(tokens[at].word) &&
      (contains(lang.list_words, tokens[at - 1].word) ||
       contains(lang.or_words, tokens[at - 1].word)) &&
      weekday_word_or_plural(tokens[at - 2].word)) {
    return std::nullopt;
  }
  Match match;
  match.kind = MatchKind::due;
  match.first = i;
  match.last = value->next;
  match.date = value->date;
  match.time_of_day = value->time_of_day;
  match.assumed = value->assumed;
  // A marker makes a bare date explicit, except "on the 5th" ("on the 5th floor").
  day_of_month = day_of_month || (tokens[at].word == lang.the_word && !value->period);
  match.trailing_only = value->bare && (!period_marker || day_of_month);
  return match;
}

}  // namespace todo::quickadd::detail
