#include "quickadd/words.hpp"

#include <cctype>
#include <string>

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;
using time::Weekday;

constexpr seconds kHour{3600};
constexpr seconds kDay{86400};

// The length of the leading digits of `word`.
std::size_t digit_prefix(std::string_view word) {
  std::size_t n = 0;
  while (n < word.size() && std::isdigit(static_cast<unsigned char>(word[n]))) ++n;
  return n;
}

void add_repeat_words(Language& en) {
  const std::vector<Weekday> work_week = {Weekday::monday, Weekday::tuesday, Weekday::wednesday,
                                          Weekday::thursday, Weekday::friday};
  const std::vector<Weekday> weekend = {Weekday::saturday, Weekday::sunday};
  en.every_words = {"every", "ev", "each"};
  en.except_words = {"except",     "except on", "except for", "but not",
                     "but not on", "excluding", "apart from"};
  en.completion_mark = "!";
  en.after_words = {"after"};
  en.completion_phrases = {"after completion", "after completing", "from completion",
                           "after done",       "after it's done",  "after it is done"};
  en.other_word = "other";
  en.on_word = "on";
  en.repeat_adverbs = {
      {"daily", {CalendarUnit::day, 1}},           {"weekly", {CalendarUnit::week, 1}},
      {"monthly", {CalendarUnit::month, 1}},       {"yearly", {CalendarUnit::year, 1}},
      {"annually", {CalendarUnit::year, 1}},       {"fortnightly", {CalendarUnit::week, 2}},
      {"biweekly", {CalendarUnit::week, 2}},       {"bi-weekly", {CalendarUnit::week, 2}},
      {"quarterly", {CalendarUnit::month, 3}},     {"semiannually", {CalendarUnit::month, 6}},
      {"semi-annually", {CalendarUnit::month, 6}}, {"biannually", {CalendarUnit::month, 6}}};
  en.once_phrases = {{"once a day", CalendarUnit::day},
                     {"once a week", CalendarUnit::week},
                     {"once a month", CalendarUnit::month},
                     {"once a year", CalendarUnit::year}};
  en.scope_words = {{"this week", RepeatScope::this_week},
                    {"the rest of the week", RepeatScope::this_week},
                    {"for the rest of the week", RepeatScope::this_week},
                    {"rest of the week", RepeatScope::this_week},
                    {"this month", RepeatScope::this_month},
                    {"the rest of the month", RepeatScope::this_month},
                    {"for the rest of the month", RepeatScope::this_month},
                    {"rest of the month", RepeatScope::this_month},
                    {"in", RepeatScope::named_month},
                    {"during", RepeatScope::named_month},
                    {"throughout", RepeatScope::named_month}};
  en.repeat_units = {{"quarter", {CalendarUnit::month, 3}},
                     {"quarters", {CalendarUnit::month, 3}},
                     {"fortnight", {CalendarUnit::week, 2}},
                     {"fortnights", {CalendarUnit::week, 2}}};
  const std::string_view saturday_only =
      "is read as Saturday only; write 'weekend day' for Saturday and Sunday";
  en.day_sets = {{"weekday", {work_week, {}}},
                 {"weekdays", {work_week, {}}},
                 {"workday", {work_week, {}}},
                 {"workdays", {work_week, {}}},
                 {"work day", {work_week, {}}},
                 {"work days", {work_week, {}}},
                 {"working day", {work_week, {}}},
                 {"working days", {work_week, {}}},
                 {"business day", {work_week, {}}},
                 {"business days", {work_week, {}}},
                 {"weekend day", {weekend, {}}},
                 {"weekend days", {weekend, {}}},
                 {"day of the weekend", {weekend, {}}},
                 {"weekend", {{Weekday::saturday}, saturday_only}},
                 {"weekends", {weekend, {}}}};
  en.workday_words = {"workday",  "work day",  "working day",  "business day",  "weekday",
                      "workdays", "work days", "working days", "business days", "weekdays"};
  en.day_words = {"day", "days"};
  en.month_scopes = {"of the month", "of a month",    "of each month", "of every month",
                     "each month",   "every month",   "a month",       "in the month",
                     "in a month",   "in each month", "in every month"};
  en.each_month = {"of each month", "of every month", "each month",
                   "every month",   "in each month",  "in every month"};
  en.end_words = {
      {"until", MonthPart::start},   {"till", MonthPart::start},      {"til", MonthPart::start},
      {"ending", MonthPart::start},  {"ending on", MonthPart::start}, {"ends", MonthPart::start},
      {"ends on", MonthPart::start}, {"through", MonthPart::end},     {"thru", MonthPart::end}};
  en.month_end_words = {"until the end of",   "until end of",  "till the end of",     "till end of",
                        "through the end of", "to the end of", "ending at the end of"};
  en.for_words = {"for", "for the next"};
  en.times_words = {"times"};
  en.clock_units = {{"hour", 60},  {"hours", 60},  {"hr", 60}, {"hrs", 60}, {"h", 60},
                    {"minute", 1}, {"minutes", 1}, {"min", 1}, {"mins", 1}};
  en.clock_adverbs = {{"hourly", 60}};
  en.start_words = {"starting", "from", "beginning"};
}

Language make_english() {
  Language en;
  en.weekdays = {{"mon", Weekday::monday},      {"monday", Weekday::monday},
                 {"tue", Weekday::tuesday},     {"tues", Weekday::tuesday},
                 {"tuesday", Weekday::tuesday}, {"wed", Weekday::wednesday},
                 {"weds", Weekday::wednesday},  {"wednesday", Weekday::wednesday},
                 {"thu", Weekday::thursday},    {"thur", Weekday::thursday},
                 {"thurs", Weekday::thursday},  {"thursday", Weekday::thursday},
                 {"fri", Weekday::friday},      {"friday", Weekday::friday},
                 {"sat", Weekday::saturday},    {"saturday", Weekday::saturday},
                 {"sun", Weekday::sunday},      {"sunday", Weekday::sunday}};
  en.plural = "s";
  en.months = {{"jan", 1u},  {"january", 1u},   {"feb", 2u},    {"february", 2u},
               {"mar", 3u},  {"march", 3u},     {"apr", 4u},    {"april", 4u},
               {"may", 5u},  {"jun", 6u},       {"june", 6u},   {"jul", 7u},
               {"july", 7u}, {"aug", 8u},       {"august", 8u}, {"sep", 9u},
               {"sept", 9u}, {"september", 9u}, {"oct", 10u},   {"october", 10u},
               {"nov", 11u}, {"november", 11u}, {"dec", 12u},   {"december", 12u}};
  en.numbers = {{"one", 1},  {"two", 2},  {"three", 3},   {"four", 4},
                {"five", 5}, {"six", 6},  {"seven", 7},   {"eight", 8},
                {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}};
  en.articles = {{"a", 1}, {"an", 1}};
  en.day_suffixes = {"st", "nd", "rd", "th"};
  en.week_ordinals = {
      {"first", 1},           {"second", 2},       {"third", 3},          {"fourth", 4},
      {"fifth", 5},           {"sixth", 6},        {"seventh", 7},        {"eighth", 8},
      {"ninth", 9},           {"tenth", 10},       {"last", -1},          {"second to last", -2},
      {"second-to-last", -2}, {"2nd to last", -2}, {"2nd-to-last", -2},   {"next to last", -2},
      {"next-to-last", -2},   {"penultimate", -2}, {"third to last", -3}, {"third-to-last", -3},
      {"3rd to last", -3},    {"3rd-to-last", -3}};
  en.duration_units = {{"m", seconds{60}},
                       {"min", seconds{60}},
                       {"mins", seconds{60}},
                       {"minute", seconds{60}},
                       {"minutes", seconds{60}},
                       {"h", kHour},
                       {"hr", kHour},
                       {"hrs", kHour},
                       {"hour", kHour},
                       {"hours", kHour},
                       {"d", kDay},
                       {"day", kDay},
                       {"days", kDay},
                       {"w", 7 * kDay},
                       {"wk", 7 * kDay},
                       {"wks", 7 * kDay},
                       {"week", 7 * kDay},
                       {"weeks", 7 * kDay}};
  en.calendar_units = {{"day", CalendarUnit::day},     {"days", CalendarUnit::day},
                       {"week", CalendarUnit::week},   {"weeks", CalendarUnit::week},
                       {"month", CalendarUnit::month}, {"months", CalendarUnit::month},
                       {"year", CalendarUnit::year},   {"years", CalendarUnit::year}};
  en.relative_days = {{"today", 0},
                      {"tomorrow", 1},
                      {"tmrw", 1},
                      {"day after tomorrow", 2},
                      {"the day after tomorrow", 2}};
  using A = PeriodAnchor;
  en.periods = {
      {"next week", {A::week_start, 1}},
      {"early next week", {A::week_start, 1}},
      {"beginning of next week", {A::week_start, 1}},
      {"start of next week", {A::week_start, 1}},
      {"this weekend", {A::weekend, 0}},
      {"next weekend", {A::weekend, 1}},
      {"weekend", {A::weekend, 0, true}},
      {"end of the week", {A::week_end, 0}},
      {"end of week", {A::week_end, 0}},
      {"end of this week", {A::week_end, 0}},
      {"end of next week", {A::week_end, 1}},
      {"next month", {A::month_start, 1}},
      {"early next month", {A::month_start, 1}},
      {"beginning of next month", {A::month_start, 1}},
      {"start of next month", {A::month_start, 1}},
      {"mid month", {A::month_mid, 0}},
      {"mid-month", {A::month_mid, 0}},
      {"middle of the month", {A::month_mid, 0}},
      {"end of the month", {A::month_end, 0}},
      {"end of month", {A::month_end, 0}},
      {"end of this month", {A::month_end, 0}},
      {"end of next month", {A::month_end, 1}},
      {"next year", {A::year_start, 1}},
      {"beginning of next year", {A::year_start, 1}},
      {"start of next year", {A::year_start, 1}},
      {"end of the year", {A::year_end, 0}},
      {"end of year", {A::year_end, 0}},
      {"end of this year", {A::year_end, 0}},
  };
  en.month_parts = {{"mid", MonthPart::middle},
                    {"middle of", MonthPart::middle},
                    {"end of", MonthPart::end},
                    {"beginning of", MonthPart::start},
                    {"start of", MonthPart::start}};
  en.day_parts = {{"morning", 9 * kHour},
                  {"afternoon", 12 * kHour},
                  {"evening", 19 * kHour},
                  {"night", 22 * kHour}};
  en.day_and_part = {{"tonight", {0, 19 * kHour}},
                     {"tonite", {0, 19 * kHour}},
                     {"end of day", {0, 17 * kHour}},
                     {"end of the day", {0, 17 * kHour}},
                     {"the end of the day", {0, 17 * kHour}},
                     {"end of today", {0, 17 * kHour}},
                     {"end of tomorrow", {1, 17 * kHour}}};
  en.at_only_day_parts = {"night"};
  en.clock_words = {{"noon", 12 * kHour}, {"midday", 12 * kHour}, {"midnight", seconds{0}}};
  en.meridiem_am = {"am", "a.m"};
  en.meridiem_pm = {"pm", "p.m"};
  en.at_words = {"at", "@"};
  en.time_markers = {"by", "before"};
  en.date_markers = {"on", "by", "due", "from", "starting", "for", "before"};
  en.period_markers = {"on", "by", "due", "from", "starting", "at", "over", "before"};
  en.the_word = "the";
  en.next_word = "next";
  en.this_word = "this";
  en.in_word = "in";
  en.from_now = {"from now", "from today"};
  en.weeks = {{"this week", 0}, {"next week", 1}, {"the week after next", 2}};
  en.of_word = "of";
  en.day_part_markers = {"in the", "at"};
  en.remind_words = {{"remind me", 1}, {"remind", 1}, {"reminder", 1}};
  en.remind_to = "to";
  en.before_words = {"before", "earlier", "ahead", "early", "prior"};
  en.due_day_words = {"on the day", "on the same day", "that day", "the same day"};
  en.at_due_words = {"when it's due", "when it is due", "when due", "at the time", "on time"};
  en.list_words = {"and", "&", ","};
  en.or_words = {"or"};
  en.day_part_blockers = {"the",  "a",    "an", "good", "every", "each", "per", "all",
                          "this", "that", "my", "your", "our",   "one",  "same"};
  add_repeat_words(en);
  return en;
}

}  // namespace

const Language& english() {
  static const Language kEnglish = make_english();
  return kEnglish;
}

bool contains(const std::vector<std::string_view>& words, std::string_view word) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

std::size_t match_words(const std::vector<Token>& tokens, std::size_t i, std::string_view words) {
  std::size_t n = 0;
  while (!words.empty()) {
    const std::size_t space = words.find(' ');
    const std::string_view word = words.substr(0, space);
    if (i + n >= tokens.size() || tokens[i + n].word != word) return 0;
    ++n;
    words = space == std::string_view::npos ? std::string_view{} : words.substr(space + 1);
  }
  return n;
}

bool all_digits(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int digits_value(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::optional<time::Weekday> weekday_word(std::string_view word) {
  return lookup(english().weekdays, word);
}

std::optional<time::Weekday> weekday_word_or_plural(std::string_view word) {
  if (auto day = weekday_word(word)) return day;
  const std::string_view plural = english().plural;
  if (word.size() > 6 && word.size() > plural.size() &&
      word.substr(word.size() - plural.size()) == plural) {
    return weekday_word(word.substr(0, word.size() - plural.size()));
  }
  return std::nullopt;
}

std::optional<unsigned> month_word(std::string_view word) {
  return lookup(english().months, word);
}

std::optional<int> count_word(std::string_view word, bool articles) {
  if (all_digits(word) && word.size() <= 3) return digits_value(word);
  if (auto n = lookup(english().numbers, word)) return n;
  if (articles) return lookup(english().articles, word);
  return std::nullopt;
}

std::optional<int> ordinal_day(std::string_view word) {
  const std::size_t digits = digit_prefix(word);
  if (digits == 0 || digits > 2 || digits == word.size()) return std::nullopt;
  if (!contains(english().day_suffixes, word.substr(digits))) return std::nullopt;
  const int day = digits_value(word.substr(0, digits));
  if (day < 1 || day > 31) return std::nullopt;
  return day;
}

std::optional<int> day_number(std::string_view word) {
  if (auto day = ordinal_day(word)) return day;
  if (!all_digits(word) || word.size() > 2) return std::nullopt;
  const int day = digits_value(word);
  if (day < 1 || day > 31) return std::nullopt;
  return day;
}

std::optional<int> year_word(std::string_view word) {
  if (!all_digits(word) || word.size() != 4) return std::nullopt;
  const int year = digits_value(word);
  if (year < 1900 || year > 2999) return std::nullopt;
  return year;
}

std::optional<std::chrono::seconds> duration_unit(std::string_view word) {
  return lookup(english().duration_units, word);
}

std::optional<std::chrono::seconds> compact_duration(std::string_view word) {
  const std::size_t digits = digit_prefix(word);
  if (digits == 0 || digits > 3 || digits == word.size()) return std::nullopt;
  const auto unit = duration_unit(word.substr(digits));
  if (!unit) return std::nullopt;
  return *unit * digits_value(word.substr(0, digits));
}

std::optional<CalendarUnit> calendar_unit(std::string_view word) {
  return lookup(english().calendar_units, word);
}

std::optional<std::chrono::seconds> day_part_word(std::string_view word) {
  return lookup(english().day_parts, word);
}

}  // namespace todo::quickadd::detail
