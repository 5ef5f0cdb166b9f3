#include "quickadd/time_phrases.hpp"

#include <string>
#include <string_view>

#include "quickadd/date_phrases.hpp"
#include "quickadd/words.hpp"

namespace todo::quickadd::detail {
namespace {

using std::chrono::seconds;

// "9", "09", "9:30", "17:00" -> hour and minute; the minutes need two digits.
bool read_clock(std::string_view text, int& hour, int& minute) {
  const auto colon = text.find(':');
  const std::string_view h = text.substr(0, colon);
  if (!all_digits(h) || h.size() > 2) return false;
  hour = digits_value(h);
  minute = 0;
  if (colon == std::string_view::npos) return true;
  const std::string_view m = text.substr(colon + 1);
  if (!all_digits(m) || m.size() != 2) return false;
  minute = digits_value(m);
  return minute <= 59;
}

// 12-hour clock: "9" + "am" -> 09:00, "12" + "am" -> 00:00, "12" + "pm" -> 12:00.
std::optional<seconds> twelve_hour(std::string_view clock, std::string_view meridiem) {
  int hour = 0;
  int minute = 0;
  if (!read_clock(clock, hour, minute) || hour < 1 || hour > 12) return std::nullopt;
  const Language& lang = english();
  if (contains(lang.meridiem_am, meridiem)) {
    if (hour == 12) hour = 0;
  } else if (contains(lang.meridiem_pm, meridiem)) {
    if (hour != 12) hour += 12;
  } else {
    return std::nullopt;
  }
  return seconds{hour * 3600 + minute * 60};
}

// "17:00", "09:30": 24-hour clock, minutes required.
std::optional<seconds> twenty_four_hour(std::string_view text) {
  int hour = 0;
  int minute = 0;
  if (text.find(':') == std::string_view::npos || !read_clock(text, hour, minute) || hour > 23) {
    return std::nullopt;
  }
  return seconds{hour * 3600 + minute * 60};
}

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

}  // namespace

std::optional<TimeValue> read_time(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const std::string& word = tokens[i].word;
  if (const auto clock = lookup(english().clock_words, word)) {  // "noon", "midnight"
    return TimeValue{*clock, i + 1, true};
  }
  // "9am", "9:30pm"
  if (word.size() > 2) {
    const std::string_view text = word;
    if (auto t = twelve_hour(text.substr(0, text.size() - 2), text.substr(text.size() - 2))) {
      return TimeValue{*t, i + 1, false};
    }
  }
  // "9 am", "9:30 pm"
  if (i + 1 < tokens.size()) {
    if (auto t = twelve_hour(word, tokens[i + 1].word)) return TimeValue{*t, i + 2, false};
  }
  if (auto t = twenty_four_hour(word)) return TimeValue{*t, i + 1, false};
  // "8 in the morning", "7:30 in the evening", "11 at night": the part of the day says am or pm.
  if (const auto part = read_day_part(tokens, i + 1, false)) {
    if (const auto t = clock_in_part(word, part->first)) return TimeValue{*t, part->second, false};
  }
  return std::nullopt;
}

std::optional<BareHour> read_bare_hour(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const std::string& clock = tokens[i].word;
  int hour = 0;
  int minute = 0;
  if (!read_clock(clock, hour, minute) || hour < 1 || hour > 23) return std::nullopt;
  BareHour out;
  out.next = i + 1;
  if (hour <= 12) {
    const bool pm = hour == 12 || hour <= 6;
    const int as_read = pm && hour != 12 ? hour + 12 : hour;
    const int other = hour == 12 ? 0 : (pm ? hour : hour + 12);
    const std::string minutes = ":" + two_digits(minute);
    out.assumed = "is assumed to be " + two_digits(as_read) + minutes + "; write '" + clock +
                  (pm ? "am" : "pm") + "' for " + two_digits(other) + minutes;
    hour = as_read;
  }
  out.time_of_day = seconds{hour * 3600 + minute * 60};
  return out;
}

std::optional<seconds> clock_in_part(std::string_view clock, seconds part) {
  int hour = 0;
  int minute = 0;
  if (clock.find_first_not_of("0123456789:") != std::string_view::npos) return std::nullopt;
  if (!read_clock(clock, hour, minute) || hour < 1 || hour > 12) return std::nullopt;
  // The morning is am; the afternoon, evening and night pm, but "1 at night" is 01:00.
  const bool pm =
      part >= seconds{12 * 3600} && !(part >= seconds{22 * 3600} && (hour < 5 || hour == 12));
  if (hour == 12) hour = 0;
  if (pm) hour += 12;
  return seconds{hour * 3600 + minute * 60};
}

std::optional<Match> match_time(const Tokens& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const Language& lang = english();
  // "in the morning", "at night"; "morning", "afternoon", "evening" alone at the end, unless a
  // word before makes them a thing ("the evening", "good night").
  const bool blocked = i > 0 && contains(lang.day_part_blockers, tokens[i - 1].word);
  const bool bare_night = contains(lang.at_only_day_parts, tokens[i].word);
  if (const auto part = read_day_part(tokens, i, !blocked && !bare_night)) {
    Match match;
    match.kind = MatchKind::time;
    match.first = i;
    match.last = part->second;
    match.time_of_day = part->first;
    match.trailing_only = part->second == i + 1;
    return match;
  }
  const bool at =
      contains(lang.at_words, tokens[i].word) || contains(lang.time_markers, tokens[i].word);
  const auto value = read_time(tokens, at ? i + 1 : i);
  if (!value && at) {
    // "at 3": only at the end, as "Meet at 5 Main Street" is an address.
    const auto hour = read_bare_hour(tokens, i + 1);
    if (!hour) return std::nullopt;
    Match match;
    match.kind = MatchKind::time;
    match.first = i;
    match.last = hour->next;
    match.time_of_day = hour->time_of_day;
    match.assumed = hour->assumed;
    match.trailing_only = true;
    return match;
  }
  if (!value) return std::nullopt;
  Match match;
  match.kind = MatchKind::time;
  match.first = i;
  match.last = value->next;
  match.time_of_day = value->time_of_day;
  match.trailing_only = value->bare && !at;
  // "3:30" (one digit, no am/pm) is read like "at 3": 15:30; "03:30" is the 24-hour clock.
  const std::string& clock = tokens[at ? i + 1 : i].word;
  if (value->next == (at ? i + 2 : i + 1) && clock.size() == 4 && clock[1] == ':' &&
      clock[0] >= '1' && clock[0] <= '6') {
    const int hour = clock[0] - '0';
    const std::string minutes = clock.substr(1);
    match.time_of_day = value->time_of_day + seconds{12 * 3600};
    match.assumed = "is assumed to be " + std::to_string(hour + 12) + minutes + "; write '0" +
                    clock + "' for 0" + clock;
  }
  return match;
}

}  // namespace todo::quickadd::detail
