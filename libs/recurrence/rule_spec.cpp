#include "recurrence/rule_spec.hpp"

#include <stdexcept>

#include "recurrence/rrule_validation.hpp"

namespace todo::recurrence::detail {
namespace {

// "YYYYMMDD" or "YYYYMMDDTHHMMSSZ" (the shapes validation lets through) as a LocalDue.
time::LocalDue parse_until(const std::string& value) {
  std::string iso = value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
  if (value.size() > 8) {
    iso += "T" + value.substr(9, 2) + ":" + value.substr(11, 2) + ":" + value.substr(13, 2);
  }
  const auto parsed = time::parse_local_due(iso);
  if (!parsed) throw std::invalid_argument("UNTIL '" + value + "': " + parsed.error());
  return *parsed;
}

}  // namespace

RuleSpec parse_rule_spec(const std::string& rrule) {
  if (auto problem = validate_rrule(rrule)) throw std::invalid_argument(*problem);
  RuleSpec spec;
  if (auto problem = split_rrule_parts(normalize_rrule(rrule), spec.parts)) {
    throw std::invalid_argument(*problem);  // unreachable after validation; kept for safety
  }
  for (const auto& [name, value] : spec.parts) {
    if (name == "COUNT") {
      spec.count = static_cast<std::size_t>(std::stoul(value));
    } else if (name == "UNTIL") {
      spec.until = Until{parse_until(value)};
    }
  }
  return spec;
}

}  // namespace todo::recurrence::detail
