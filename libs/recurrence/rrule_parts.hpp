#pragma once
// Internal: splitting a normalized RRULE into its NAME=VALUE parts and checking each value on its
// own (syntax and ranges from RFC 5545 §3.3.10). Rules that relate parts live in rrule_validation.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace todo::recurrence::detail {

// Part name -> value, e.g. {"FREQ": "WEEKLY", "BYDAY": "MO,WE"}.
using RRuleParts = std::map<std::string, std::string>;

// Fills `parts`, or names the first problem: an empty or nameless part, an unknown or repeated
// name, or a value that is not valid for its part.
std::optional<std::string> split_rrule_parts(const std::string& normalized, RRuleParts& parts);

// The integers of a numeric BYxxx part ("1,-1" -> {1, -1}); empty when the part is absent.
// Precondition: the parts passed split_rrule_parts' checks.
std::vector<int> rrule_numbers(const RRuleParts& parts, const char* name);

// The ordinal of one BYDAY item ("-1FR" -> -1, "MO" -> 0). Precondition: the item passed checks.
int byday_ordinal(const std::string& item);

}  // namespace todo::recurrence::detail
