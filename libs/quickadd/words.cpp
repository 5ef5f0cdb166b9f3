#include "quickadd/words.hpp"

#include <array>
#include <cctype>
#include <string>

namespace todo::quickadd::detail {
namespace {

// The length of the leading digits of `word`.
std::size_t digit_prefix(std::string_view word) {
  std::size_t n = 0;
  while (n < word.size() && std::isdigit(static_cast<unsigned char>(word[n]))) ++n;
  return n;
}

}  // namespace

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
  using time::Weekday;
  struct Name {
    const char* word;
    Weekday day;
  };
  static const Name kNames[] = {{"mon", Weekday::monday},      {"monday", Weekday::monday},
                                {"tue", Weekday::tuesday},     {"tues", Weekday::tuesday},
                                {"tuesday", Weekday::tuesday}, {"wed", Weekday::wednesday},
                                {"weds", Weekday::wednesday},  {"wednesday", Weekday::wednesday},
                                {"thu", Weekday::thursday},    {"thur", Weekday::thursday},
                                {"thurs", Weekday::thursday},  {"thursday", Weekday::thursday},
                                {"fri", Weekday::friday},      {"friday", Weekday::friday},
                                {"sat", Weekday::saturday},    {"saturday", Weekday::saturday},
                                {"sun", Weekday::sunday},      {"sunday", Weekday::sunday}};
  for (const auto& name : kNames) {
    if (word == name.word) return name.day;
  }
  return std::nullopt;
}

std::optional<time::Weekday> weekday_word_or_plural(std::string_view word) {
  if (auto day = weekday_word(word)) return day;
  if (word.size() > 6 && word.back() == 's') return weekday_word(word.substr(0, word.size() - 1));
  return std::nullopt;
}

std::optional<unsigned> month_word(std::string_view word) {
  static const std::array<const char*, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  static const std::array<const char*, 12> kLong = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (unsigned i = 0; i < 12; ++i) {
    if (word == kShort[i] || word == kLong[i]) return i + 1;
  }
  if (word == "sept") return 9u;
  return std::nullopt;
}

std::optional<int> count_word(std::string_view word, bool articles) {
  if (all_digits(word) && word.size() <= 3) return digits_value(word);
  static const std::array<const char*, 12> kWords = {"one",  "two", "three",  "four",
                                                     "five", "six", "seven",  "eight",
                                                     "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i < 12; ++i) {
    if (word == kWords[static_cast<std::size_t>(i)]) return i + 1;
  }
  if (articles && (word == "a" || word == "an")) return 1;
  return std::nullopt;
}

std::optional<int> ordinal_day(std::string_view word) {
  const std::size_t digits = digit_prefix(word);
  if (digits == 0 || digits > 2 || word.size() != digits + 2) return std::nullopt;
  const std::string_view suffix = word.substr(digits);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
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

std::optional<int> week_ordinal(std::string_view word) {
  static const std::array<const char*, 5> kWords = {"first", "second", "third", "fourth", "fifth"};
  for (int i = 0; i < 5; ++i) {
    if (word == kWords[static_cast<std::size_t>(i)]) return i + 1;
  }
  if (word == "last") return -1;
  if (auto day = ordinal_day(word); day && *day <= 5) return day;
  return std::nullopt;
}

std::optional<int> year_word(std::string_view word) {
  if (!all_digits(word) || word.size() != 4) return std::nullopt;
  const int year = digits_value(word);
  if (year < 1900 || year > 2999) return std::nullopt;
  return year;
}

std::optional<std::chrono::seconds> duration_unit(std::string_view word) {
  using std::chrono::seconds;
  if (word == "m" || word == "min" || word == "mins" || word == "minute" || word == "minutes") {
    return seconds{60};
  }
  if (word == "h" || word == "hr" || word == "hrs" || word == "hour" || word == "hours") {
    return seconds{3600};
  }
  if (word == "d" || word == "day" || word == "days") return seconds{86400};
  if (word == "w" || word == "wk" || word == "wks" || word == "week" || word == "weeks") {
    return seconds{7 * 86400};
  }
  return std::nullopt;
}

std::optional<std::chrono::seconds> compact_duration(std::string_view word) {
  const std::size_t digits = digit_prefix(word);
  if (digits == 0 || digits > 3 || digits == word.size()) return std::nullopt;
  const auto unit = duration_unit(word.substr(digits));
  if (!unit) return std::nullopt;
  return *unit * digits_value(word.substr(0, digits));
}

std::optional<CalendarUnit> calendar_unit(std::string_view word) {
  if (word == "day" || word == "days") return CalendarUnit::day;
  if (word == "week" || word == "weeks") return CalendarUnit::week;
  if (word == "month" || word == "months") return CalendarUnit::month;
  if (word == "year" || word == "years") return CalendarUnit::year;
  return std::nullopt;
}

}  // namespace todo::quickadd::detail
