#include "recurrence/expansion_horizon.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace todo::recurrence::detail {
namespace {

// The size of a BYxxx list, or 1 when it is absent (the value then comes from DTSTART).
double size_or_one(const RRuleParts& parts, const char* name) {
  const std::size_t size = rrule_numbers(parts, name).size();
  return size == 0 ? 1.0 : static_cast<double>(size);
}

// An upper estimate of the candidate times libical tries per day. libical steps through the
// frequency's unit (or its BYxxx list for that unit) and expands each finer BYxxx list below it;
// coarser BYxxx parts only filter.
double candidates_per_day(const RRuleParts& parts) {
  const std::string& freq = parts.at("FREQ");
  const auto interval_found = parts.find("INTERVAL");
  const double interval =
      interval_found == parts.end() ? 1.0 : std::atof(interval_found->second.c_str());
  const bool by_hour = parts.count("BYHOUR") > 0;
  const bool by_minute = parts.count("BYMINUTE") > 0;
  const bool by_second = parts.count("BYSECOND") > 0;
  const double hours = size_or_one(parts, "BYHOUR");
  const double minutes = size_or_one(parts, "BYMINUTE");
  const double seconds = size_or_one(parts, "BYSECOND");
  if (freq == "SECONDLY") return by_second ? seconds * 1440 : 86400 / interval;
  if (freq == "MINUTELY") return (by_minute ? minutes * 24 : 1440 / interval) * seconds;
  if (freq == "HOURLY") return (by_hour ? hours : 24 / interval) * minutes * seconds;
  // DAILY and coarser rules visit at most one day in INTERVAL (WEEKLY: weeks; ...).
  return hours * minutes * seconds / interval;
}

}  // namespace

std::chrono::seconds expansion_span(const RRuleParts& parts) {
  constexpr double kSecondsPerDay = 86400;
  const double years = kHorizonYears * 365.2425 * kSecondsPerDay;
  const double budget =
      kCandidateBudget / std::max(candidates_per_day(parts), 1e-9) * kSecondsPerDay;
  return std::chrono::seconds{static_cast<long long>(std::min(years, budget))};
}

bool month_days_never_occur(const RRuleParts& parts, unsigned start_month) {
  static const int kLongestMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const std::vector<int> month_days = rrule_numbers(parts, "BYMONTHDAY");
  if (month_days.empty()) return false;
  std::vector<bool> reachable(13, true);
  if (parts.at("FREQ") == "MONTHLY") {
    // Every INTERVAL months from DTSTART's month: FREQ=MONTHLY;INTERVAL=12 only sees that month.
    const auto interval = parts.count("INTERVAL") ? std::atoi(parts.at("INTERVAL").c_str()) : 1;
    std::fill(reachable.begin(), reachable.end(), false);
    for (int k = 0; k < 12; ++k) {
      reachable[(start_month - 1 + static_cast<unsigned>(k * interval)) % 12 + 1] = true;
    }
  }
  const std::vector<int> by_month = rrule_numbers(parts, "BYMONTH");
  for (int month = 1; month <= 12; ++month) {
    const bool allowed =
        by_month.empty() || std::find(by_month.begin(), by_month.end(), month) != by_month.end();
    if (!reachable[month] || !allowed) continue;
    for (int day : month_days) {
      if (std::abs(day) <= kLongestMonth[month - 1]) return false;
    }
  }
  return true;
}

}  // namespace todo::recurrence::detail
