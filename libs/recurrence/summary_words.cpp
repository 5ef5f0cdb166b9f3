#include "recurrence/summary_words.hpp"

#include <algorithm>
#include <cstdlib>

namespace todo::recurrence::detail {

std::string join_words(const std::vector<std::string>& items, const std::string& last) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " " + last + " " : ", ";
    text += items[i];
  }
  return text;
}

std::string ordinal_number(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string ordinal_word(int n) {
  static const char* const kWords[] = {"first", "second", "third", "fourth", "fifth"};
  if (n == -1) return "last";
  const int magnitude = std::abs(n);
  const std::string word = magnitude <= 5 ? kWords[magnitude - 1] : ordinal_number(magnitude);
  return n < 0 ? word + "-to-last" : word;
}

std::string weekday_name(const std::string& code) {
  static const char* const kCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  static const char* const kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
  for (int i = 0; i < 7; ++i) {
    if (code == kCodes[i]) return kNames[i];
  }
  return code;
}

std::string month_name(int month) {
  static const char* const kNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : std::to_string(month);
}

std::string month_abbreviation(int month) {
  return month_name(month).substr(0, 3);
}

std::string number_ranges(std::vector<int> numbers) {
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::vector<std::string> runs;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t end = i;
    while (end + 1 < numbers.size() && numbers[end + 1] == numbers[end] + 1) ++end;
    // Two neighbours read better listed ("9 and 10") than as a range.
    if (end >= i + 2) {
      runs.push_back(std::to_string(numbers[i]) + " to " + std::to_string(numbers[end]));
    } else {
      for (std::size_t j = i; j <= end; ++j) runs.push_back(std::to_string(numbers[j]));
    }
    i = end + 1;
  }
  return join_words(runs);
}

}  // namespace todo::recurrence::detail
