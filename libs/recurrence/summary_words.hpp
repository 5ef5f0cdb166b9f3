#pragma once
// Internal: the English words summary.cpp builds sentences from.
#include <string>
#include <vector>

namespace todo::recurrence::detail {

// "a", "a and b", "a, b and c" (or with "or").
std::string join_words(const std::vector<std::string>& items, const std::string& last = "and");

// 1 -> "first" ... 5 -> "fifth", 20 -> "20th"; -1 -> "last", -2 -> "second-to-last",
// -20 -> "20th-to-last".
std::string ordinal_word(int n);

// 1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd".
std::string ordinal_number(int n);

// "MO" -> "Monday"; an unknown code comes back unchanged.
std::string weekday_name(const std::string& code);

// 1 -> "January" / "Jan".
std::string month_name(int month);
std::string month_abbreviation(int month);

// Consecutive runs shortened: {9,10,11,12,20} -> "9 to 12 and 20".
std::string number_ranges(std::vector<int> numbers);

}  // namespace todo::recurrence::detail
