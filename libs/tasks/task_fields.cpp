#include "tasks/task_fields.hpp"

#include <algorithm>
#include <set>

#include "tasks/tags.hpp"
#include "tasks/text.hpp"
#include "text/utf8.hpp"
#include "time/time_zone.hpp"

namespace todo::tasks::detail {
namespace {

const std::set<std::string> kWritable = {"title", "description", "priority",  "tags",
                                         "due",   "time_zone",   "reminders", "recurrence"};
const std::set<std::string> kReadOnly = {
    "id",         "user_id",          "status",       "due_at",     "series_id", "parent_id",
    "created_at", "occurrence_index", "completed_at", "updated_at", "version"};

}  // namespace

void check_member_names(const nlohmann::json& body, FieldErrors& errors) {
  for (const auto& member : body.items()) {
    const std::string& name = member.key();
    if (kWritable.count(name)) continue;
    if (kReadOnly.count(name)) {
      errors.add(name, name + " is read-only");
    } else {
      errors.add(name, name + " is not a known field");
    }
  }
}

std::optional<std::string> read_title(const nlohmann::json& value, FieldErrors& errors) {
  if (!value.is_string()) {
    errors.add("title", value.is_null() ? "title is required" : "title must be a string");
    return std::nullopt;
  }
  const std::string title = trim_ascii_whitespace(value.get<std::string>());
  const auto length = text::utf8_length(title);
  if (title.empty()) {
    errors.add("title", "title must not be empty");
  } else if (!length) {
    errors.add("title", "title must be valid UTF-8");
  } else if (has_control_characters(title, false)) {
    errors.add("title", "title must not contain control characters (such as line breaks)");
  } else if (*length > kMaxTitleLength) {
    errors.add("title",
               "title must be at most 200 characters (it has " + std::to_string(*length) + ")");
  } else {
    return title;
  }
  return std::nullopt;
}

std::optional<std::string> read_description(const nlohmann::json& value, FieldErrors& errors) {
  if (value.is_null()) return std::string();
  if (!value.is_string()) {
    errors.add("description", "description must be a string");
    return std::nullopt;
  }
  const std::string description = value.get<std::string>();
  const auto length = text::utf8_length(description);
  if (!length) {
    errors.add("description", "description must be valid UTF-8");
  } else if (has_control_characters(description, true)) {
    errors.add("description",
               "description must not contain control characters other than "
               "tabs and line breaks");
  } else if (*length > kMaxDescriptionLength) {
    errors.add("description", "description must be at most 10000 characters (it has " +
                                  std::to_string(*length) + ")");
  } else {
    return description;
  }
  return std::nullopt;
}

std::optional<Priority> read_priority(const nlohmann::json& value, FieldErrors& errors) {
  const auto priority = value.is_string() ? parse_priority(value.get<std::string>()) : std::nullopt;
  if (!priority)
    errors.add("priority", std::string("priority must be one of ") + priority_choices());
  return priority;
}

std::optional<std::vector<std::string>> read_tags(const nlohmann::json& value,
                                                  FieldErrors& errors) {
  if (value.is_null()) return std::vector<std::string>{};
  const bool all_strings =
      value.is_array() &&
      std::all_of(value.begin(), value.end(), [](const auto& tag) { return tag.is_string(); });
  if (!all_strings) {
    errors.add("tags", "tags must be an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> tags;
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto tag = normalize_tag(value[i].get<std::string>());
    if (tag) {
      tags.push_back(*tag);
    } else {
      errors.add(indexed("tags", i), indexed("tags", i) + " is invalid: " + tag.error());
      ok = false;
    }
  }
  tags = dedupe_tags(tags);
  if (tags.size() > kMaxTags) {
    errors.add("tags", "tags must hold at most 20 distinct tags (it has " +
                           std::to_string(tags.size()) + ")");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return tags;
}

std::optional<time::LocalDue> read_due(const nlohmann::json& value, FieldErrors& errors) {
  if (!value.is_string()) {
    errors.add("due", "due must be a string like 2026-12-01 or 2026-12-01T09:00:00, or null");
    return std::nullopt;
  }
  const auto due = time::parse_local_due(value.get<std::string>());
  if (!due) {
    errors.add("due", "due is invalid: " + due.error());
    return std::nullopt;
  }
  return *due;
}

std::optional<std::string> read_time_zone(const nlohmann::json& value, FieldErrors& errors) {
  if (!value.is_string() || !time::is_valid_time_zone(value.get<std::string>())) {
    errors.add("time_zone",
               "time_zone must be an IANA time zone name such as Europe/London or UTC");
    return std::nullopt;
  }
  return value.get<std::string>();
}

}  // namespace todo::tasks::detail
