#include "recurrence/rrule_parts.hpp"

#include <cstdlib>
#include <set>
#include <sstream>
#include <vector>

#include "time/local_due.hpp"

namespace todo::recurrence::detail {
namespace {

const std::set<std::string> kFrequencies = {"SECONDLY", "MINUTELY", "HOURLY", "DAILY",
                                            "WEEKLY",   "MONTHLY",  "YEARLY"};
const std::set<std::string> kWeekdays = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + 1) {
    items.push_back(text.substr(start, end - start));
  }
  items.push_back(text.substr(start));
  return items;
}

bool all_digits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// "[+-]digits" with at most `max_digits` digits; the sign is kept in `value`.
bool parse_signed(const std::string& text, std::size_t max_digits, int& value) {
  const bool has_sign = !text.empty() && (text[0] == '+' || text[0] == '-');
  const std::string digits = has_sign ? text.substr(1) : text;
  if (!all_digits(digits) || digits.size() > max_digits) return false;
  value = std::atoi(digits.c_str()) * (has_sign && text[0] == '-' ? -1 : 1);
  return true;
}

std::optional<std::string> check_positive(const std::string& name, const std::string& value,
                                          long max) {
  const std::string problem =
      name + " must be a whole number from 1 to " + std::to_string(max) + " (got '" + value + "')";
  if (!all_digits(value) || value.size() > 9) return problem;
  const long number = std::atol(value.c_str());
  if (number < 1 || number > max) return problem;
  return std::nullopt;
}

std::string out_of_range(const std::string& name, const std::string& item, int low, int high,
                         bool negatives) {
  std::string range = std::to_string(low) + " to " + std::to_string(high);
  if (negatives) range += ", or -" + std::to_string(high) + " to -" + std::to_string(low);
  return name + " value '" + item + "' is out of range (" + range + ")";
}

// A comma list of integers in [low, high]; with `negatives`, also [-high, -low] (counted from the
// end: BYMONTHDAY=-1 is the last day of the month).
std::optional<std::string> check_number_list(const std::string& name, const std::string& value,
                                             int low, int high, bool negatives) {
  for (const std::string& item : split(value, ',')) {
    int number = 0;
    const bool signed_item = !item.empty() && (item[0] == '+' || item[0] == '-');
    const bool in_range = parse_signed(item, 3, number) && (negatives || !signed_item) &&
                          std::abs(number) >= low && std::abs(number) <= high;
    if (!in_range) return out_of_range(name, item, low, high, negatives);
  }
  return std::nullopt;
}

std::optional<std::string> check_byday(const std::string& value) {
  for (const std::string& item : split(value, ',')) {
    const std::string problem = "BYDAY value '" + item +
                                "' is not a weekday (SU, MO, TU, WE, TH, FR, SA), optionally "
                                "with an ordinal like 2MO or -1FR";
    if (item.size() < 2 || kWeekdays.count(item.substr(item.size() - 2)) == 0) return problem;
    const std::string ordinal = item.substr(0, item.size() - 2);
    int number = 0;
    if (!ordinal.empty() && (!parse_signed(ordinal, 2, number) || number == 0)) return problem;
    if (std::abs(number) > 53)
      return "BYDAY ordinal in '" + item + "' must be 1 to 53 or -53 to -1";
  }
  return std::nullopt;
}

std::optional<std::string> check_until(const std::string& value) {
  const std::string shape =
      "UNTIL must be a date (YYYYMMDD) or a UTC date-time (YYYYMMDDTHHMMSSZ), got '" + value + "'";
  const bool date_only = value.size() == 8;
  if (!date_only && value.size() != 16) {
    // A floating date-time would be read in the task's zone by some engines and as UTC by others.
    if (value.size() == 15 && value[8] == 'T') {
      return "UNTIL date-time must be in UTC (end with Z), as RFC 5545 requires for tasks with a "
             "time zone";
    }
    return shape;
  }
  if (!all_digits(value.substr(0, 8))) return shape;
  std::string iso = value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
  if (!date_only) {
    if (value[8] != 'T' || value[15] != 'Z' || !all_digits(value.substr(9, 6))) return shape;
    iso += "T" + value.substr(9, 2) + ":" + value.substr(11, 2) + ":" + value.substr(13, 2);
  }
  const auto parsed = time::parse_local_due(iso);
  if (!parsed) return "UNTIL '" + value + "' is not a valid date-time: " + parsed.error();
  return std::nullopt;
}

std::optional<std::string> check_value(const std::string& name, const std::string& value) {
  if (name == "FREQ") {
    if (kFrequencies.count(value)) return std::nullopt;
    return "FREQ must be one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY (got '" +
           value + "')";
  }
  // libical stores INTERVAL in a short; larger values would silently wrap around.
  if (name == "INTERVAL") return check_positive(name, value, 32767);
  if (name == "COUNT") return check_positive(name, value, 999999999);
  if (name == "UNTIL") return check_until(value);
  if (name == "BYSECOND") return check_number_list(name, value, 0, 60, false);
  if (name == "BYMINUTE") return check_number_list(name, value, 0, 59, false);
  if (name == "BYHOUR") return check_number_list(name, value, 0, 23, false);
  if (name == "BYDAY") return check_byday(value);
  if (name == "BYMONTHDAY") return check_number_list(name, value, 1, 31, true);
  if (name == "BYYEARDAY") return check_number_list(name, value, 1, 366, true);
  if (name == "BYWEEKNO") return check_number_list(name, value, 1, 53, true);
  if (name == "BYMONTH") return check_number_list(name, value, 1, 12, false);
  if (name == "BYSETPOS") return check_number_list(name, value, 1, 366, true);
  if (name == "WKST") {
    if (kWeekdays.count(value)) return std::nullopt;
    return "WKST must be a weekday (SU, MO, TU, WE, TH, FR, SA), got '" + value + "'";
  }
  if (name == "RSCALE" || name == "SKIP") {
    return name + " is not supported (it is an RFC 7529 extension, not RFC 5545)";
  }
  return "unknown rule part '" + name + "'";
}

}  // namespace

std::optional<std::string> split_rrule_parts(const std::string& normalized, RRuleParts& parts) {
  parts.clear();
  if (normalized.empty())
    return std::string("the rule is empty; it needs at least FREQ, e.g. FREQ=DAILY");
  for (const std::string& part : split(normalized, ';')) {
    if (part.empty()) return std::string("the rule has an empty part (two ';' in a row)");
    const std::size_t equals = part.find('=');
    if (equals == std::string::npos || equals == 0) {
      return "rule part '" + part + "' is not of the form NAME=VALUE";
    }
    const std::string name = part.substr(0, equals);
    const std::string value = part.substr(equals + 1);
    if (value.empty()) return name + " has no value";
    if (parts.count(name)) return name + " appears more than once";
    if (auto problem = check_value(name, value)) return problem;
    parts.emplace(name, value);
  }
  return std::nullopt;
}

int byday_ordinal(const std::string& item) {
  const std::string ordinal = item.substr(0, item.size() - 2);
  return ordinal.empty() ? 0 : std::atoi(ordinal.c_str());
}

std::vector<int> rrule_numbers(const RRuleParts& parts, const char* name) {
  std::vector<int> values;
  const auto found = parts.find(name);
  if (found == parts.end()) return values;
  std::istringstream items(found->second);
  for (std::string item; std::getline(items, item, ',');) values.push_back(std::atoi(item.c_str()));
  return values;
}

}  // namespace todo::recurrence::detail
