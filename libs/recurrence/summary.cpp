#include "recurrence/summary.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "recurrence/rrule_parts.hpp"
#include "recurrence/rrule_validation.hpp"
#include "recurrence/summary_words.hpp"

namespace todo::recurrence {
namespace {

using detail::join_words;
using detail::ordinal_number;
using detail::ordinal_word;
using detail::weekday_name;

struct DayItem {
  int ordinal = 0;   // 0: every such weekday
  std::string code;  // "MO"
};

bool all_plain(const std::vector<DayItem>& days) {
  return std::all_of(days.begin(), days.end(), [](const DayItem& d) { return d.ordinal == 0; });
}

// Read-only access to the parts of a valid rule.
class Rule {
 public:
  explicit Rule(detail::RRuleParts parts) : parts_(std::move(parts)) {}

  bool has(const char* name) const { return parts_.count(name) > 0; }
  const std::string& get(const char* name) const { return parts_.at(name); }

  std::vector<std::string> items(const char* name) const {
    std::vector<std::string> values;
    if (!has(name)) return values;
    std::istringstream list(get(name));
    for (std::string item; std::getline(list, item, ',');) values.push_back(item);
    return values;
  }

  std::vector<int> numbers(const char* name) const {
    std::vector<int> values;
    for (const std::string& item : items(name)) values.push_back(std::atoi(item.c_str()));
    return values;
  }

  std::vector<DayItem> days() const {
    static const std::string kOrder = "MOTUWETHFRSASU";
    std::vector<DayItem> values;
    for (const std::string& item : items("BYDAY")) {
      values.push_back({detail::byday_ordinal(item), item.substr(item.size() - 2)});
    }
    // Plain weekdays read best Monday first; with ordinals the rule's own order is kept.
    if (all_plain(values)) {
      std::sort(values.begin(), values.end(), [](const DayItem& a, const DayItem& b) {
        return kOrder.find(a.code) < kOrder.find(b.code);
      });
    }
    return values;
  }

 private:
  detail::RRuleParts parts_;
};

bool same_codes(const std::vector<DayItem>& days, const std::vector<std::string>& codes) {
  if (!all_plain(days) || days.size() != codes.size()) return false;
  return std::all_of(days.begin(), days.end(), [&](const DayItem& d) {
    return std::find(codes.begin(), codes.end(), d.code) != codes.end();
  });
}

bool is_weekdays(const std::vector<DayItem>& days) {
  return same_codes(days, {"MO", "TU", "WE", "TH", "FR"});
}

std::vector<std::string> day_names(const std::vector<DayItem>& days) {
  std::vector<std::string> names;
  for (const DayItem& day : days) {
    const std::string name = weekday_name(day.code);
    names.push_back(day.ordinal == 0 ? name : "the " + ordinal_word(day.ordinal) + " " + name);
  }
  return names;
}

std::string unit_of(const std::string& freq) {
  if (freq == "SECONDLY") return "second";
  if (freq == "MINUTELY") return "minute";
  if (freq == "HOURLY") return "hour";
  if (freq == "DAILY") return "day";
  if (freq == "WEEKLY") return "week";
  if (freq == "MONTHLY") return "month";
  return "year";
}

// "the 2nd and 15th", "the 1st and last day", "the third-to-last day".
std::string month_days_phrase(const std::vector<int>& month_days) {
  std::vector<std::string> items;
  for (int day : month_days) {
    if (day > 0) items.push_back(ordinal_number(day));
  }
  for (int day : month_days) {
    if (day < 0) items.push_back(ordinal_word(day) + " day");
  }
  return "the " + join_words(items);
}

// Positive days of the month forming one run of three or more: {7, ..., 13}.
bool one_run(std::vector<int> days) {
  std::sort(days.begin(), days.end());
  if (days.size() < 3 || days.front() < 1) return false;
  for (std::size_t i = 1; i < days.size(); ++i) {
    if (days[i] != days[i - 1] + 1) return false;
  }
  return true;
}

// "days 1, 100 and 200 of the year", "the last day of the year".
std::string year_days_phrase(const std::vector<int>& year_days) {
  std::vector<int> positives;
  std::vector<std::string> groups;
  for (int day : year_days) {
    if (day > 0) positives.push_back(day);
  }
  if (!positives.empty()) {
    std::vector<std::string> numbers;
    numbers.reserve(positives.size());
    for (int day : positives) numbers.push_back(std::to_string(day));
    groups.push_back((positives.size() == 1 ? "day " : "days ") + join_words(numbers));
  }
  for (int day : year_days) {
    if (day < 0) groups.push_back("the " + ordinal_word(day) + " day");
  }
  return join_words(groups) + " of the year";
}

// "week 20", "weeks 1 and 2", "the last week".
std::string weeks_phrase(const std::vector<int>& weeks) {
  std::vector<int> positives;
  std::vector<std::string> groups;
  for (int week : weeks) {
    if (week > 0) positives.push_back(week);
  }
  if (!positives.empty()) {
    groups.push_back((positives.size() == 1 ? "week " : "weeks ") +
                     detail::number_ranges(positives));
  }
  for (int week : weeks) {
    if (week < 0) groups.push_back("the " + ordinal_word(week) + " week");
  }
  return join_words(groups);
}

std::string clock(int hour, int minute, int second, bool with_seconds) {
  char buffer[16];
  if (with_seconds) {
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", hour, minute, second);
  } else {
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", hour, minute);
  }
  return buffer;
}

// " at 09:00 and 17:30", or the lists one by one (" at hours 9 to 16, minutes 0, 20 and 40").
std::string times_phrase(const Rule& rule) {
  const std::vector<int> hours = rule.numbers("BYHOUR");
  const std::vector<int> minutes = rule.numbers("BYMINUTE");
  const std::vector<int> seconds = rule.numbers("BYSECOND");
  if (hours.empty() && minutes.empty() && seconds.empty()) return "";
  const std::size_t combinations =
      hours.size() * minutes.size() * std::max<std::size_t>(seconds.size(), 1);
  if (!hours.empty() && !minutes.empty() && combinations <= 6) {
    std::vector<std::string> times;
    for (int h : hours) {
      for (int m : minutes) {
        if (seconds.empty()) times.push_back(clock(h, m, 0, false));
        for (int s : seconds) times.push_back(clock(h, m, s, true));
      }
    }
    return " at " + join_words(times);
  }
  std::vector<std::string> lists;
  const auto add = [&lists](const std::vector<int>& values, const char* one, const char* many) {
    if (!values.empty()) {
      lists.push_back((values.size() == 1 ? one : many) + detail::number_ranges(values));
    }
  };
  add(hours, "hour ", "hours ");
  add(minutes, "minute ", "minutes ");
  add(seconds, "second ", "seconds ");
  std::string text;
  for (const std::string& list : lists) text += (text.empty() ? "" : ", ") + list;
  const std::string& freq = rule.get("FREQ");
  const bool filters_hours =
      minutes.empty() && seconds.empty() && (freq == "MINUTELY" || freq == "SECONDLY");
  return (filters_hours ? " during " : " at ") + text;
}

std::string end_phrase(const Rule& rule) {
  if (rule.has("COUNT")) {
    const long count = std::atol(rule.get("COUNT").c_str());
    if (count == 1) return ", once";
    if (count == 2) return ", twice";
    return ", " + rule.get("COUNT") + " times";
  }
  if (!rule.has("UNTIL")) return "";
  const std::string& until = rule.get("UNTIL");
  std::string text = ", until " + std::to_string(std::atoi(until.substr(6, 2).c_str())) + " " +
                     detail::month_abbreviation(std::atoi(until.substr(4, 2).c_str())) + " " +
                     until.substr(0, 4);
  if (until.size() > 8) {
    const int second = std::atoi(until.substr(13, 2).c_str());
    text += " " +
            clock(std::atoi(until.substr(9, 2).c_str()), std::atoi(until.substr(11, 2).c_str()),
                  second, second != 0) +
            " UTC";
  }
  return text;
}

// Builds the sentence piece by piece; each piece consumes the parts it describes.
class Describer {
 public:
  explicit Describer(Rule rule) : rule_(std::move(rule)), days_(rule_.days()) {}

  std::string run() {
    std::string text = base();
    text += months_and_dates();
    if (rule_.has("BYWEEKNO")) text += " in " + weeks_phrase(rule_.numbers("BYWEEKNO"));
    text += days_phrase();
    text += times_phrase(rule_);
    if (!set_positions_done_ && rule_.has("BYSETPOS")) {
      std::vector<std::string> words;
      for (int position : rule_.numbers("BYSETPOS")) words.push_back(ordinal_word(position));
      text += ", only the " + join_words(words) + " match" + (words.size() == 1 ? "" : "es") +
              " in each " + unit_of(freq());
    }
    text += week_start_note();
    return text + end_phrase(rule_);
  }

 private:
  const std::string& freq() const { return rule_.get("FREQ"); }

  int interval() const {
    return rule_.has("INTERVAL") ? std::atoi(rule_.get("INTERVAL").c_str()) : 1;
  }

  std::string base() {
    const bool simple_days = !days_.empty() && all_plain(days_) && !rule_.has("BYSETPOS") &&
                             !rule_.has("BYMONTHDAY") && interval() == 1;
    if (simple_days && (freq() == "DAILY" || freq() == "WEEKLY") && is_weekdays(days_)) {
      days_done_ = true;
      return "every weekday";
    }
    if (simple_days && freq() == "DAILY") {
      days_done_ = true;
      return "every " + join_words(day_names(days_));
    }
    const std::string unit = unit_of(freq());
    if (interval() == 1) return "every " + unit;
    return "every " + std::to_string(interval()) + " " + unit + "s";
  }

  // " on 29 Feb" when months and days of the month pair up into a few dates, else
  // " in January and July" (the days of the month then come with the weekdays).
  std::string months_and_dates() {
    if (!rule_.has("BYMONTH")) return "";
    const std::vector<int> months = rule_.numbers("BYMONTH");
    const std::vector<int> month_days = rule_.numbers("BYMONTHDAY");
    const bool positive =
        std::all_of(month_days.begin(), month_days.end(), [](int day) { return day > 0; });
    if (!month_days.empty() && positive && days_.empty() &&
        months.size() * month_days.size() <= 4) {
      std::vector<std::string> dates;
      for (int month : months) {
        for (int day : month_days) {
          dates.push_back(std::to_string(day) + " " + detail::month_abbreviation(month));
        }
      }
      month_days_done_ = true;
      return " on " + join_words(dates);
    }
    std::vector<std::string> names;
    names.reserve(months.size());
    for (int month : months) names.push_back(detail::month_name(month));
    return " in " + join_words(names);
  }

  std::string days_phrase() {
    std::string date;  // the days of the month or year, if any
    if (rule_.has("BYYEARDAY")) date = year_days_phrase(rule_.numbers("BYYEARDAY"));
    if (rule_.has("BYMONTHDAY") && !month_days_done_) {
      std::string month_days = month_days_phrase(rule_.numbers("BYMONTHDAY"));
      // FREQ=YEARLY;BYMONTHDAY=1 without BYMONTH expands into every month.
      if (freq() == "YEARLY" && !rule_.has("BYMONTH")) month_days += " of each month";
      date = date.empty() ? month_days : date + " and " + month_days;
    }
    if (days_.empty() || days_done_) return date.empty() ? "" : " on " + date;
    if (!date.empty()) {
      // BYDAY limits the dates: "Friday the 13th", "a Saturday between the 7th and the 13th",
      // "the 1st and 15th if it is a Monday".
      const std::vector<int> month_days = rule_.numbers("BYMONTHDAY");
      if (days_.size() == 1 && days_[0].ordinal == 0 && month_days.size() == 1 &&
          month_days[0] > 0 && !rule_.has("BYYEARDAY")) {
        return " on " + weekday_name(days_[0].code) + " the " + ordinal_number(month_days[0]);
      }
      if (all_plain(days_) && !rule_.has("BYYEARDAY") && one_run(month_days)) {
        const auto [low, high] = std::minmax_element(month_days.begin(), month_days.end());
        return " on a " + join_words(day_names(days_), "or") + " between the " +
               ordinal_number(*low) + " and the " + ordinal_number(*high);
      }
      return " on " + date + " if it is " + (all_plain(days_) ? "a " : "") +
             join_words(day_names(days_), "or");
    }
    if (rule_.has("BYSETPOS") && all_plain(days_) && !rule_.has("BYWEEKNO")) {
      set_positions_done_ = true;
      std::vector<std::string> words;
      for (int position : rule_.numbers("BYSETPOS")) words.push_back(ordinal_word(position));
      std::string noun = join_words(day_names(days_), "or");
      if (is_weekdays(days_)) noun = "weekday";
      if (same_codes(days_, {"SA", "SU"})) noun = "weekend day";
      return " on the " + join_words(words) + " " + noun;
    }
    if (all_plain(days_) && is_weekdays(days_)) return " on weekdays";
    // Within a month or year a plain weekday means each of them ("every month on every Tuesday").
    const bool each =
        all_plain(days_) && !rule_.has("BYWEEKNO") && (freq() == "MONTHLY" || freq() == "YEARLY");
    return std::string(" on ") + (each ? "every " : "") + join_words(day_names(days_));
  }

  std::string week_start_note() const {
    if (!rule_.has("WKST") || rule_.get("WKST") == "MO") return "";
    const bool matters =
        rule_.has("BYWEEKNO") || (freq() == "WEEKLY" && interval() > 1 && !days_.empty());
    return matters ? " (weeks start on " + weekday_name(rule_.get("WKST")) + ")" : "";
  }

  Rule rule_;
  std::vector<DayItem> days_;
  bool days_done_ = false;
  bool month_days_done_ = false;
  bool set_positions_done_ = false;
};

}  // namespace

std::string describe(const std::string& rrule) {
  if (auto problem = validate_rrule(rrule)) throw std::invalid_argument(*problem);
  detail::RRuleParts parts;
  if (auto problem = detail::split_rrule_parts(normalize_rrule(rrule), parts)) {
    throw std::invalid_argument(*problem);
  }
  return Describer(Rule(std::move(parts))).run();
}

}  // namespace todo::recurrence
