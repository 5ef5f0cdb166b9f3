#include "api/quick_add.hpp"

#include "quickadd/quick_add.hpp"
#include "tasks/field_errors.hpp"
#include "tasks/text.hpp"
#include "text/utf8.hpp"
#include "time/time_zone.hpp"

namespace todo::tasksvc {

QuickAddRequest parse_quick_add_request(const nlohmann::json& body,
                                        const std::string& caller_zone) {
  tasks::require_object(body);
  errors::FieldErrors errors;
  for (const auto& member : body.items()) {
    if (member.key() != "text" && member.key() != "time_zone") {
      errors.add(member.key(), member.key() + " is not a known field");
    }
  }
  QuickAddRequest request;
  const auto& text = tasks::member_or_null(body, "text");
  if (!text.is_string()) {
    errors.add("text", text.is_null() ? "text is required" : "text must be a string");
  } else {
    request.text = text.get<std::string>();
    const auto length = text::utf8_length(request.text);
    if (!length) {
      errors.add("text", "text must be valid UTF-8");
    } else if (tasks::trim_ascii_whitespace(request.text).empty()) {
      errors.add("text", "text must not be empty");
    } else if (*length > kQuickAddMaxLength) {
      errors.add("text", "text must be at most " + std::to_string(kQuickAddMaxLength) +
                             " characters (it has " + std::to_string(*length) + ")");
    } else if (tasks::has_control_characters(request.text, true)) {
      errors.add("text",
                 "text must not contain control characters other than tabs and line "
                 "breaks");
    }
  }
  const auto& zone = tasks::member_or_null(body, "time_zone");
  if (zone.is_null()) {
    request.zone = caller_zone;
    if (!time::is_valid_time_zone(caller_zone)) {
      errors.add("time_zone", "time_zone must be given: the profile's time zone '" + caller_zone +
                                  "' is not a valid IANA name");
    }
  } else if (!zone.is_string() || !time::is_valid_time_zone(zone.get<std::string>())) {
    errors.add("time_zone",
               "time_zone must be an IANA time zone name such as Europe/London or UTC");
  } else {
    request.zone = zone.get<std::string>();
  }
  errors.throw_if_any();
  return request;
}

nlohmann::json quick_add(const QuickAddRequest& request, time::Instant now) {
  return quickadd::to_json(quickadd::parse_quick_add(request.text, request.zone, now));
}

}  // namespace todo::tasksvc
