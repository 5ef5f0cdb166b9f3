// The parts of a task body that depend on other fields: reminders, recurrence, and the rules
// between them and the due.
#include <algorithm>

#include "recurrence/presets.hpp"
#include "recurrence/rrule_validation.hpp"
#include "tasks/task_fields.hpp"
#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasks::detail {
namespace {

constexpr std::size_t kMaxReminderIdLength = 40;

bool valid_reminder_id(const std::string& id) {
  return !id.empty() && id.size() <= kMaxReminderIdLength &&
         std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

// One element of "reminders"; `path` is "reminders[i]".
std::optional<Reminder> read_reminder(const nlohmann::json& value, const std::string& path,
                                      FieldErrors& errors) {
  if (!value.is_object()) {
    errors.add(path, path +
                         " must be an object like {\"before\": \"PT15M\"} or {\"at\": "
                         "\"2026-12-01T08:00:00Z\"}");
    return std::nullopt;
  }
  const std::size_t before_count = errors.all().size();
  Reminder reminder;
  for (const auto& member : value.items()) {
    const std::string field = path + "." + member.key();
    const nlohmann::json& item = member.value();
    if (member.key() == "fire_at") continue;  // derived; clients may send back what they got
    if (member.key() != "id" && member.key() != "before" && member.key() != "at") {
      errors.add(field, field + " is not a known field");
    } else if (!item.is_string()) {
      errors.add(field, field + " must be a string");
    } else if (member.key() == "id") {
      if (valid_reminder_id(item.get<std::string>())) {
        reminder.id = item.get<std::string>();
      } else {
        errors.add(field, field + " must be 1-40 letters, digits, '-' or '_'");
      }
    } else if (member.key() == "before") {
      const auto before = time::parse_iso8601_duration(item.get<std::string>());
      if (!before) {
        errors.add(field, field + " is invalid: " + before.error());
      } else if (*before > kMaxBefore) {
        errors.add(field, field + " must be at most 365 days (P365D)");
      } else {
        reminder.before = *before;
      }
    } else {
      const auto at = time::parse_rfc3339(item.get<std::string>());
      if (at) {
        reminder.at = *at;
      } else {
        errors.add(field, field + " is invalid: " + at.error());
      }
    }
  }
  const bool has_before = value.contains("before"), has_at = value.contains("at");
  if (has_before == has_at) {
    errors.add(path, path + " must have exactly one of before or at");
  }
  if (errors.all().size() != before_count) return std::nullopt;
  return reminder;
}

}  // namespace

std::optional<std::vector<Reminder>> read_reminders(const nlohmann::json& value,
                                                    FieldErrors& errors) {
  if (value.is_null()) return std::vector<Reminder>{};
  if (!value.is_array()) {
    errors.add("reminders", "reminders must be an array of objects");
    return std::nullopt;
  }
  if (value.size() > kMaxReminders) {
    errors.add("reminders", "reminders must hold at most 10 reminders (it has " +
                                std::to_string(value.size()) + ")");
    return std::nullopt;
  }
  std::vector<Reminder> reminders;
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto reminder = read_reminder(value[i], indexed("reminders", i), errors);
    ok = ok && reminder.has_value();
    if (reminder) reminders.push_back(*reminder);
  }
  if (!ok) return std::nullopt;
  for (std::size_t i = 0; i < reminders.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!reminders[i].id.empty() && reminders[i].id == reminders[j].id) {
        const std::string field = indexed("reminders", i) + ".id";
        errors.add(field, field + " repeats the id of " + indexed("reminders", j));
        ok = false;
      }
    }
  }
  if (!ok) return std::nullopt;
  return reminders;
}

std::optional<Recurrence> read_recurrence(const nlohmann::json& value, FieldErrors& errors) {
  if (!value.is_object()) {
    errors.add("recurrence",
               "recurrence must be an object like {\"rrule\": "
               "\"FREQ=WEEKLY;BYDAY=MO\", \"mode\": \"due\"}, or null");
    return std::nullopt;
  }
  const std::size_t before_count = errors.all().size();
  Recurrence result;
  for (const auto& member : value.items()) {
    if (member.key() != "rrule" && member.key() != "preset" && member.key() != "mode") {
      errors.add("recurrence." + member.key(),
                 "recurrence." + member.key() + " is not a known field");
    }
  }
  const auto rrule = value.find("rrule");
  const auto preset = value.find("preset");
  const bool has_rrule = rrule != value.end() && !rrule->is_null();
  const bool has_preset = preset != value.end() && !preset->is_null();
  if (has_rrule && has_preset) {
    errors.add("recurrence", "recurrence takes either rrule or preset, not both");
  } else if (has_preset) {
    // A preset ({"preset": "weekly", "days": ["MO"]}) is stored as the rule it stands for.
    if (const auto parsed = recurrence::parse_preset(*preset); !parsed) {
      errors.add("recurrence.preset", "recurrence.preset is invalid: " + parsed.error());
    } else {
      result.rrule = recurrence::to_rrule(*parsed);
    }
  } else if (!has_rrule || !rrule->is_string()) {
    errors.add("recurrence.rrule",
               "recurrence.rrule is required and must be a string (or give recurrence.preset)");
  } else if (const auto parsed = recurrence::parse_rrule(rrule->get<std::string>()); !parsed) {
    errors.add("recurrence.rrule", "recurrence.rrule is invalid: " + parsed.error());
  } else {
    result.rrule = *parsed;
  }
  const auto mode = value.find("mode");
  if (mode != value.end() && !mode->is_null()) {
    const auto parsed =
        mode->is_string() ? parse_recurrence_mode(mode->get<std::string>()) : std::nullopt;
    if (parsed) {
      result.mode = *parsed;
    } else {
      errors.add("recurrence.mode", "recurrence.mode must be one of due, completion");
    }
  }
  if (errors.all().size() != before_count) return std::nullopt;
  return result;
}

void check_task_rules(const std::optional<time::LocalDue>& due,
                      const std::vector<Reminder>& reminders,
                      const std::optional<Recurrence>& recurrence, time::Instant now,
                      const std::vector<Reminder>& unchanged, FieldErrors& errors) {
  for (std::size_t i = 0; i < reminders.size(); ++i) {
    const Reminder& reminder = reminders[i];
    const std::string path = indexed("reminders", i);
    if (reminder.before && !due) {
      errors.add(path + ".before", path +
                                       ".before needs a due date to count back from; set due "
                                       "or use an absolute \"at\" reminder");
    }
    const bool kept = std::any_of(unchanged.begin(), unchanged.end(),
                                  [&](const Reminder& old) { return same_trigger(old, reminder); });
    if (!reminder.at || kept) continue;
    if (*reminder.at <= now) {
      errors.add(path + ".at", path + ".at must be in the future");
    } else if (*reminder.at > now + kMaxAtLead) {
      errors.add(path + ".at", path + ".at must be at most 5 years ahead");
    }
  }
  if (recurrence && !due) {
    errors.add("recurrence", "recurrence needs a due date: the rule repeats from it");
  }
}

}  // namespace todo::tasks::detail
