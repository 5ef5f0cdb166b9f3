// parse_preset and to_json (declared in presets.hpp): the JSON form of a preset.
#include <algorithm>
#include <cctype>
#include <map>

#include "recurrence/presets.hpp"

namespace todo::recurrence {
namespace {

using nlohmann::json;

constexpr const char* kWeekdayCodes = "MO, TU, WE, TH, FR, SA, SU";

const std::map<std::string, PresetKind>& kinds() {
  static const std::map<std::string, PresetKind> kNames = {
      {"daily", PresetKind::daily},
      {"weekdays", PresetKind::weekdays},
      {"weekly", PresetKind::weekly},
      {"monthly", PresetKind::monthly},
      {"monthly_weekday", PresetKind::monthly_weekday},
      {"yearly", PresetKind::yearly}};
  return kNames;
}

std::string kind_name(PresetKind kind) {
  for (const auto& [name, value] : kinds()) {
    if (value == kind) return name;
  }
  return "?";
}

// The fields each preset takes besides "preset", "interval", "until" and "count".
std::vector<std::string> own_fields(PresetKind kind) {
  switch (kind) {
    case PresetKind::weekly:
      return {"days"};
    case PresetKind::monthly:
      return {"day"};
    case PresetKind::monthly_weekday:
      return {"weekday", "ordinal"};
    default:
      return {};
  }
}

std::optional<Weekday> parse_weekday(const json& value) {
  if (!value.is_string()) return std::nullopt;
  std::string code = value.get<std::string>();
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (int day = 0; day < 7; ++day) {
    if (to_string(static_cast<Weekday>(day)) == code) return static_cast<Weekday>(day);
  }
  return std::nullopt;
}

// What an error message says of a value the caller sent: a string as it is (cut short), anything
// else only by its type, so no unvalidated structure is ever serialised back.
std::string shown(const json& value) {
  constexpr std::size_t kShownChars = 40;
  if (!value.is_string()) return std::string("a JSON ") + value.type_name();
  const auto& text = value.get_ref<const std::string&>();
  return text.size() <= kShownChars ? text : text.substr(0, kShownChars) + "...";
}

// An integer field, or the error `problem`. JSON numbers like 2.0 or 2.5 and strings are refused.
std::optional<std::string> read_int(const json& value, const std::string& problem, int& out) {
  if (!value.is_number_integer()) return problem;
  const auto number = value.get<long long>();
  if (number < -1000000000LL || number > 1000000000LL) return problem;
  out = static_cast<int>(number);
  return std::nullopt;
}

std::optional<std::string> read_days(const json& value, std::vector<Weekday>& days) {
  const std::string shape =
      std::string("'days' must be a non-empty array of weekdays (") + kWeekdayCodes + ")";
  if (!value.is_array() || value.empty()) return shape;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto day = parse_weekday(value[i]);
    if (!day) {
      return "'days[" + std::to_string(i) + "]' must be one of " + kWeekdayCodes + " (got '" +
             shown(value[i]) + "')";
    }
    days.push_back(*day);
  }
  return std::nullopt;
}

std::optional<std::string> read_fields(const json& body, Preset& preset) {
  const std::vector<std::string> own = own_fields(preset.kind);
  for (const auto& [name, value] : body.items()) {
    const bool common =
        name == "preset" || name == "interval" || name == "until" || name == "count";
    if (!common && std::find(own.begin(), own.end(), name) == own.end()) {
      for (const auto& [other_name, other_kind] : kinds()) {
        const auto others = own_fields(other_kind);
        if (std::find(others.begin(), others.end(), name) != others.end()) {
          return "'" + name + "' is not used by the '" + kind_name(preset.kind) + "' preset";
        }
      }
      return "unknown field '" + name + "'";
    }
  }
  for (const std::string& name : own) {
    if (name != "days" && (!body.contains(name) || body.at(name).is_null())) {
      return "'" + name + "' is required for the '" + kind_name(preset.kind) + "' preset";
    }
  }
  const auto present = [&](const char* name) {
    return body.contains(name) && !body.at(name).is_null();
  };
  std::optional<std::string> problem;
  if (!problem && present("interval")) {
    problem = read_int(body.at("interval"), "'interval' must be a whole number from 1 to 999",
                       preset.interval);
  }
  if (!problem && present("days")) problem = read_days(body.at("days"), preset.days);
  if (!problem && present("day")) {
    problem = read_int(body.at("day"),
                       "'day' must be a whole number from 1 to 31, or -1 for the last day",
                       preset.month_day);
  }
  if (!problem && present("weekday")) {
    const auto day = parse_weekday(body.at("weekday"));
    if (!day) {
      problem = std::string("'weekday' must be one of ") + kWeekdayCodes + " (got '" +
                shown(body.at("weekday")) + "')";
    } else {
      preset.weekday = *day;
    }
  }
  if (!problem && present("ordinal")) {
    problem =
        read_int(body.at("ordinal"),
                 "'ordinal' must be 1 to 5 (first to fifth), or -1 for the last", preset.ordinal);
  }
  if (!problem && present("until")) {
    const auto date = body.at("until").is_string()
                          ? time::parse_local_date(body.at("until").get<std::string>())
                          : ParseResult<time::LocalDate>(ParseError{"it is not a string"});
    if (!date) return "'until' must be a date (YYYY-MM-DD): " + date.error();
    preset.until = *date;
  }
  if (!problem && present("count")) {
    int count = 0;
    problem =
        read_int(body.at("count"), "'count' must be a whole number from 1 to 999999999", count);
    preset.count = count;
  }
  return problem;
}

}  // namespace

ParseResult<Preset> parse_preset(const json& body) {
  if (!body.is_object()) return ParseError{"the recurrence preset must be a JSON object"};
  std::string names;
  for (const auto& entry : kinds()) names += (names.empty() ? "" : ", ") + entry.first;
  if (!body.contains("preset") || body.at("preset").is_null()) {
    return ParseError{"'preset' is required: one of " + names};
  }
  const json& name = body.at("preset");
  const auto kind = name.is_string() ? kinds().find(name.get<std::string>()) : kinds().end();
  if (kind == kinds().end()) {
    return ParseError{"'preset' must be one of " + names + " (got '" + shown(name) + "')"};
  }
  Preset preset;
  preset.kind = kind->second;
  if (auto problem = read_fields(body, preset)) return ParseError{*problem};
  if (auto problem = check_preset(preset)) return ParseError{*problem};
  return preset;
}

json to_json(const Preset& preset) {
  json body = {{"preset", kind_name(preset.kind)}};
  if (preset.interval != 1) body["interval"] = preset.interval;
  if (preset.kind == PresetKind::weekly && !preset.days.empty()) {
    std::vector<Weekday> days = preset.days;
    std::sort(days.begin(), days.end());
    body["days"] = json::array();
    for (Weekday day : days) body["days"].push_back(to_string(day));
  }
  if (preset.kind == PresetKind::monthly) body["day"] = preset.month_day;
  if (preset.kind == PresetKind::monthly_weekday) {
    body["weekday"] = to_string(preset.weekday);
    body["ordinal"] = preset.ordinal;
  }
  if (preset.until) body["until"] = time::format_local_date(*preset.until);
  if (preset.count) body["count"] = *preset.count;
  return body;
}

}  // namespace todo::recurrence
