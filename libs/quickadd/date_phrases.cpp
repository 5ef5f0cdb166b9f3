#include "quickadd/date_phrases.hpp"

#include "quickadd/words.hpp"
#include "time/calendar.hpp"
#include "time/time_zone.hpp"

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;

constexpr seconds kTonight{19 * 3600};
constexpr int kMaxIn = 999;

bool word_at(const Tokens& tokens, std::size_t i, const char* word) {
  return i < tokens.size() && tokens[i].word == word;
}

const std::string* word_ptr(const Tokens& tokens, std::size_t i) {
  return i < tokens.size() ? &tokens[i].word : nullptr;
}

// "in 3 days", "in a week", "in 2 months", "in 2 hours", "in 30 minutes", "in 30m".
std::optional<DateValue> read_in(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (!word_at(tokens, i, "in") || i + 1 >= tokens.size()) return std::nullopt;
  std::optional<seconds> span;
  std::optional<CalendarUnit> unit;
  int n = 0;
  std::size_t next = 0;
  if (const auto compact = compact_duration(tokens[i + 1].word)) {
    next = i + 2;
    const char last = tokens[i + 1].word.back();
    if (last == 'd' || last == 'w' || last == 'k' ||
        (last == 's' && compact->count() % 86400 == 0)) {
      unit = CalendarUnit::day;  // "in 2d", "in 1w": whole days, like "in 2 days"
      n = static_cast<int>(compact->count() / 86400);
    } else {
      span = *compact;
    }
  } else {
    const auto count = count_word(tokens[i + 1].word, true);
    if (!count || *count < 1 || *count > kMaxIn || i + 2 >= tokens.size()) return std::nullopt;
    n = *count;
    unit = calendar_unit(tokens[i + 2].word);
    if (!unit) {
      const auto length = duration_unit(tokens[i + 2].word);
      if (!length) return std::nullopt;
      span = *length * n;
    }
    next = i + 3;
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

// "2026-12-01"
std::optional<DateValue> read_iso(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size() || tokens[i].word.size() != 10 || tokens[i].word[4] != '-') {
    return std::nullopt;
  }
  const auto date = time::parse_local_date(tokens[i].word);
  if (!date) return std::nullopt;
  return DateValue{*date, i + 1, false, std::nullopt};
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
  if (i >= tokens.size()) return std::nullopt;
  const std::string& word = tokens[i].word;
  if (word == "today") return DateValue{ctx.today, i + 1, false, std::nullopt};
  if (word == "tonight") return DateValue{ctx.today, i + 1, false, kTonight};
  if (word == "tomorrow" || word == "tmrw") {
    return DateValue{time::add_days(ctx.today, 1), i + 1, false, std::nullopt};
  }
  if (word == "next" && i + 1 < tokens.size()) {
    // The week after this one (weeks start on Monday): "next friday" seen from a Wednesday is
    // nine days ahead; "next week" is next Monday.
    const auto next_monday =
        time::first_on_or_after(time::add_days(ctx.today, 1), time::Weekday::monday);
    if (tokens[i + 1].word == "week") return DateValue{next_monday, i + 2, false, std::nullopt};
    if (const auto day = weekday_word(tokens[i + 1].word)) {
      return DateValue{time::first_on_or_after(next_monday, *day), i + 2, false, std::nullopt};
    }
    return std::nullopt;
  }
  if (word == "this" && i + 1 < tokens.size()) {
    if (const auto day = weekday_word(tokens[i + 1].word)) {
      return DateValue{time::first_on_or_after(ctx.today, *day), i + 2, false, std::nullopt};
    }
    return std::nullopt;
  }
  if (const auto day = weekday_word(word)) {
    return DateValue{time::first_on_or_after(ctx.today, *day), i + 1, true, std::nullopt};
  }
  if (auto in = read_in(tokens, i, ctx)) return in;
  if (auto iso = read_iso(tokens, i)) return iso;
  if (auto calendar = read_calendar_date(tokens, i, ctx)) return calendar;
  // "the 1st": the next day of the month with that number.
  if (word == "the" && i + 1 < tokens.size()) {
    if (const auto day = ordinal_day(tokens[i + 1].word)) {
      return DateValue{time::first_month_day_on_or_after(ctx.today, static_cast<unsigned>(*day)),
                       i + 2, true, std::nullopt};
    }
  }
  return std::nullopt;
}

std::optional<Match> match_due(const Tokens& tokens, std::size_t i, const Context& ctx) {
  if (i >= tokens.size()) return std::nullopt;
  const std::string& word = tokens[i].word;
  const bool marker =
      word == "on" || word == "by" || word == "due" || word == "from" || word == "starting";
  const std::size_t at = marker ? i + 1 : i;
  const auto value = read_date(tokens, at, ctx);
  if (!value) return std::nullopt;
  Match match;
  match.kind = MatchKind::due;
  match.first = i;
  match.last = value->next;
  match.date = value->date;
  match.time_of_day = value->time_of_day;
  // A marker makes a bare date explicit, except "on the 5th" ("on the 5th floor").
  const bool day_of_month = tokens[at].word == "the";
  match.trailing_only = value->bare && (!marker || day_of_month);
  return match;
}

}  // namespace todo::quickadd::detail
