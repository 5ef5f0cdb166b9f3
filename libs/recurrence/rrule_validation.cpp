#include "recurrence/rrule_validation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

#include "recurrence/libical_guard.hpp"
#include "recurrence/rrule_parts.hpp"

namespace todo::recurrence {
namespace {

// Rules longer than this are not something a person wrote; refusing them bounds the work.
constexpr std::size_t kMaxRuleLength = 1000;

bool has(const detail::RRuleParts& parts, const char* name) {
  return parts.count(name) > 0;
}

// Valid RFC 5545 that libical 3.0, which expands our rules, gets wrong or cannot expand at all:
// refused with a reason rather than stored and expanded into wrong dates later.
std::optional<std::string> check_expandable(const detail::RRuleParts& parts) {
  const std::string& freq = parts.at("FREQ");
  if (has(parts, "BYSETPOS")) {
    // libical ignores BYSETPOS for other frequencies and applies it to days, never to times.
    if (freq != "MONTHLY" && freq != "YEARLY") {
      return std::string("BYSETPOS is only supported with FREQ=MONTHLY or FREQ=YEARLY");
    }
    if (has(parts, "BYHOUR") || has(parts, "BYMINUTE") || has(parts, "BYSECOND")) {
      return std::string(
          "BYSETPOS picks days, so it cannot be combined with BYHOUR, BYMINUTE or BYSECOND");
    }
    if (has(parts, "BYWEEKNO")) return std::string("BYSETPOS cannot be combined with BYWEEKNO");
  }
  if (freq == "YEARLY" && has(parts, "BYYEARDAY") &&
      (has(parts, "BYMONTH") || has(parts, "BYMONTHDAY"))) {
    return std::string("BYYEARDAY cannot be combined with BYMONTH or BYMONTHDAY");
  }
  return std::nullopt;
}

// The constraints of RFC 5545 §3.3.10 that relate one part to another.
std::optional<std::string> check_combinations(const detail::RRuleParts& parts) {
  if (!has(parts, "FREQ")) return std::string("FREQ is required, e.g. FREQ=WEEKLY;BYDAY=MO");
  const std::string& freq = parts.at("FREQ");
  if (has(parts, "COUNT") && has(parts, "UNTIL")) {
    return std::string("COUNT and UNTIL cannot both be set: a series ends one way or the other");
  }
  if (has(parts, "BYWEEKNO") && freq != "YEARLY") {
    return std::string("BYWEEKNO is only allowed with FREQ=YEARLY");
  }
  if (has(parts, "BYYEARDAY") && (freq == "DAILY" || freq == "WEEKLY" || freq == "MONTHLY")) {
    return "BYYEARDAY is not allowed with FREQ=" + freq;
  }
  if (has(parts, "BYMONTHDAY") && freq == "WEEKLY") {
    return std::string("BYMONTHDAY is not allowed with FREQ=WEEKLY");
  }
  const bool has_other_by = std::any_of(parts.begin(), parts.end(), [](const auto& part) {
    return part.first.rfind("BY", 0) == 0 && part.first != "BYSETPOS";
  });
  if (has(parts, "BYSETPOS") && !has_other_by) {
    return std::string("BYSETPOS needs another BYxxx part to select from");
  }
  if (auto problem = check_expandable(parts)) return problem;
  if (has(parts, "BYDAY")) {
    std::istringstream days(parts.at("BYDAY"));
    for (std::string item; std::getline(days, item, ',');) {
      const int ordinal = detail::byday_ordinal(item);
      if (ordinal != 0 && freq != "MONTHLY" && freq != "YEARLY") {
        return "BYDAY ordinals like '" + item + "' need FREQ=MONTHLY or FREQ=YEARLY";
      }
      if (ordinal != 0 && freq == "YEARLY" && has(parts, "BYWEEKNO")) {
        return "BYDAY ordinals like '" + item + "' are not allowed together with BYWEEKNO";
      }
      if (freq == "MONTHLY" && std::abs(ordinal) > 5) {
        return "BYDAY '" + item + "' never occurs: a month has at most 5 of each weekday";
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::string normalize_rrule(const std::string& rule) {
  const auto first = rule.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  std::string text = rule.substr(first, rule.find_last_not_of(" \t\r\n") - first + 1);
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (text.rfind("RRULE:", 0) == 0) text.erase(0, 6);
  if (!text.empty() && text.back() == ';') text.pop_back();
  return text;
}

std::optional<std::string> validate_rrule(const std::string& rule) {
  if (rule.size() > kMaxRuleLength) {
    return "the rule is too long (at most " + std::to_string(kMaxRuleLength) + " characters)";
  }
  const std::string normalized = normalize_rrule(rule);
  detail::RRuleParts parts;
  if (auto problem = detail::split_rrule_parts(normalized, parts)) return problem;
  if (auto problem = check_combinations(parts)) return problem;
  // Our checks are stricter than libical's, but libical is what will expand the rule: if it
  // disagrees, the rule is refused rather than stored and found broken later.
  return libical_rejects(normalized);
}

ParseResult<std::string> parse_rrule(const std::string& rule) {
  if (auto problem = validate_rrule(rule)) return ParseError{*problem};
  return normalize_rrule(rule);
}

}  // namespace todo::recurrence
