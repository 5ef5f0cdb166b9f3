#pragma once
// Shared by the recurrence tests: building local times and spelling occurrences compactly, so
// expected lists read like the RFC 5545 examples ("19970902T090000").
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "recurrence/expansion.hpp"
#include "time/local_due.hpp"

namespace recurrence_test {

inline todo::time::LocalDue at(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  return todo::time::LocalDue{todo::time::LocalDate{y, m, d},
                              std::chrono::seconds{hh * 3600 + mm * 60 + ss}};
}

inline todo::time::LocalDue on(int y, unsigned m, unsigned d) {
  return todo::time::LocalDue{todo::time::LocalDate{y, m, d}, std::nullopt};
}

// "19970902T090000" or "19970902" -> LocalDue.
inline todo::time::LocalDue compact(const std::string& text) {
  const auto number = [&](std::size_t pos, std::size_t len) {
    return std::stoi(text.substr(pos, len));
  };
  if (text.size() == 8) {
    return on(number(0, 4), static_cast<unsigned>(number(4, 2)),
              static_cast<unsigned>(number(6, 2)));
  }
  return at(number(0, 4), static_cast<unsigned>(number(4, 2)), static_cast<unsigned>(number(6, 2)),
            number(9, 2), number(11, 2), number(13, 2));
}

inline std::string compact(const todo::time::LocalDue& due) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", due.date.year, due.date.month, due.date.day);
  std::string text = buffer;
  if (due.time_of_day) {
    const auto s = due.time_of_day->count();
    std::snprintf(buffer, sizeof buffer, "T%02d%02d%02d", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
    text += buffer;
  }
  return text;
}

inline std::vector<std::string> compact(const std::vector<todo::time::LocalDue>& dues) {
  std::vector<std::string> texts;
  texts.reserve(dues.size());
  for (const auto& due : dues) texts.push_back(compact(due));
  return texts;
}

// Expands and spells the result: expand(rule, {dtstart, zone}, limit, after) in compact form.
inline std::vector<std::string> occurrences(const std::string& rule, const std::string& dtstart,
                                            std::optional<std::string> zone, std::size_t limit,
                                            std::optional<std::string> after = std::nullopt) {
  std::optional<todo::time::LocalDue> after_due;
  if (after) after_due = compact(*after);
  return compact(todo::recurrence::expand(
      rule, todo::recurrence::Anchor{compact(dtstart), std::move(zone)}, limit, after_due));
}

// Builds expected lists: days of one month at one time of day ("090000"; "" for date-only).
class Expected {
 public:
  explicit Expected(std::string time = "090000") : time_(std::move(time)) {}

  Expected& on(int year, int month, std::initializer_list<int> days) {
    for (int day : days) add(year, month, day);
    return *this;
  }
  // Every `step`-th day from `first` to `last` of one month.
  Expected& range(int year, int month, int first, int last, int step = 1) {
    for (int day = first; day <= last; day += step) add(year, month, day);
    return *this;
  }
  const std::vector<std::string>& list() const { return list_; }
  operator const std::vector<std::string>&() const { return list_; }  // NOLINT

 private:
  void add(int year, int month, int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
    list_.push_back(buffer + (time_.empty() ? "" : "T" + time_));
  }
  std::string time_;
  std::vector<std::string> list_;
};

}  // namespace recurrence_test
