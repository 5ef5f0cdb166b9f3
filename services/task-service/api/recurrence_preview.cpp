#include "api/recurrence_preview.hpp"

#include "recurrence/expansion.hpp"
#include "recurrence/presets.hpp"
#include "recurrence/rrule_validation.hpp"
#include "recurrence/summary.hpp"
#include "tasks/field_errors.hpp"
#include "time/time_zone.hpp"

namespace todo::tasksvc {
namespace {

using tasks::member_or_null;

std::optional<std::string> read_rule(const nlohmann::json& body, errors::FieldErrors& errors) {
  const auto& rrule = member_or_null(body, "rrule");
  const auto& preset = member_or_null(body, "preset");
  if (!rrule.is_null() && !preset.is_null()) {
    errors.add("rrule", "give either rrule or preset, not both");
    return std::nullopt;
  }
  if (!preset.is_null()) {
    const auto parsed = recurrence::parse_preset(preset);
    if (!parsed) {
      errors.add("preset", "preset is invalid: " + parsed.error());
      return std::nullopt;
    }
    return recurrence::to_rrule(*parsed);
  }
  if (!rrule.is_string()) {
    errors.add("rrule", "rrule is required and must be a string (or give preset)");
    return std::nullopt;
  }
  const auto parsed = recurrence::parse_rrule(rrule.get<std::string>());
  if (!parsed) {
    errors.add("rrule", "rrule is invalid: " + parsed.error());
    return std::nullopt;
  }
  return *parsed;
}

}  // namespace

PreviewRequest parse_preview_request(const nlohmann::json& body, const std::string& caller_zone) {
  tasks::require_object(body);
  errors::FieldErrors errors;
  for (const auto& member : body.items()) {
    const std::string& key = member.key();
    if (key != "rrule" && key != "preset" && key != "dtstart" && key != "tz" && key != "count") {
      errors.add(key, key + " is not a known field");
    }
  }
  PreviewRequest request;
  const auto rule = read_rule(body, errors);
  if (rule) request.rrule = *rule;

  const auto& dtstart = member_or_null(body, "dtstart");
  if (!dtstart.is_string()) {
    errors.add("dtstart",
               "dtstart is required: a local date-time like 2026-03-01T09:00:00, or "
               "a date like 2026-03-01 for date-only occurrences");
  } else if (const auto parsed = time::parse_local_due(dtstart.get<std::string>()); !parsed) {
    errors.add("dtstart", "dtstart " + parsed.error());
  } else {
    request.dtstart = *parsed;
  }

  const auto tz = body.find("tz");
  if (tz == body.end()) {
    request.zone = caller_zone;
  } else if (tz->is_null()) {
    request.zone = std::nullopt;  // floating: the same wall time wherever the reader is
  } else if (!tz->is_string() || !time::is_valid_time_zone(tz->get<std::string>())) {
    errors.add("tz", "tz must be an IANA time zone like Europe/London, or null for floating time");
  } else {
    request.zone = tz->get<std::string>();
  }

  const auto& count = member_or_null(body, "count");
  if (!count.is_null()) {
    if (!count.is_number_integer() || count.get<long long>() < 1 ||
        count.get<long long>() > kPreviewMaxCount) {
      errors.add("count",
                 "count must be a whole number from 1 to " + std::to_string(kPreviewMaxCount));
    } else {
      request.count = count.get<int>();
    }
  }
  errors.throw_if_any();
  return request;
}

nlohmann::json preview(const PreviewRequest& request) {
  const auto occurrences =
      recurrence::expand(request.rrule, recurrence::Anchor{request.dtstart, request.zone},
                         static_cast<std::size_t>(request.count));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& occurrence : occurrences) list.push_back(time::format_local_due(occurrence));
  return {{"rrule", request.rrule},
          {"summary", recurrence::describe(request.rrule)},
          {"dtstart", time::format_local_due(request.dtstart)},
          {"tz", request.zone ? nlohmann::json(*request.zone) : nlohmann::json(nullptr)},
          {"occurrences", list}};
}

}  // namespace todo::tasksvc
