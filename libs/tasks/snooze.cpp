#include "tasks/snooze.hpp"

#include <algorithm>

#include "tasks/field_errors.hpp"
#include "tasks/task_fields.hpp"
#include "time/iso_duration.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

namespace todo::tasks {
namespace {

constexpr const char* kForms[] = {"for", "until", "until_local", "preset"};

// 09:00 local on the day after `now`'s local date.
time::Instant tomorrow_morning(const std::string& zone, time::Instant now) {
  const time::LocalDate today = time::local_date_at(now, zone);
  const time::LocalDate tomorrow =
      time::local_date_at(time::local_day_bounds(today, zone).end + std::chrono::hours{1}, zone);
  return time::to_utc(time::LocalDue{tomorrow, kDateOnlyReminderAnchor}, zone);
}

// Why `until` cannot end a snooze started at `now`, or nullopt when it can.
std::optional<std::string> window_problem(time::Instant until, time::Instant now) {
  if (until <= now) return "the snooze must end in the future";
  if (until > now + detail::kMaxAtLead) return "the snooze must end within 5 years";
  return std::nullopt;
}

}  // namespace

void check_snooze_until(time::Instant until, time::Instant now) {
  if (const auto problem = window_problem(until, now)) {
    FieldErrors errors;
    errors.add("until", *problem);
    errors.throw_if_any();
  }
}

time::Instant parse_snooze(const nlohmann::json& body, const std::string& zone, time::Instant now) {
  require_object(body);
  FieldErrors errors;
  int given = 0;
  for (const auto& member : body.items()) {
    const bool known = std::any_of(std::begin(kForms), std::end(kForms),
                                   [&](const char* form) { return member.key() == form; });
    if (!known) errors.add(member.key(), member.key() + " is not a known field");
    if (known && !member.value().is_null()) ++given;
  }
  if (given != 1) {
    errors.add("", "give exactly one of for, until, until_local, preset");
    errors.throw_if_any();
  }
  std::optional<time::Instant> until;
  const auto& for_value = member_or_null(body, "for");
  const auto& until_value = member_or_null(body, "until");
  const auto& local_value = member_or_null(body, "until_local");
  const auto& preset = member_or_null(body, "preset");
  if (!for_value.is_null()) {
    const auto duration = for_value.is_string()
                              ? time::parse_iso8601_duration(for_value.get<std::string>())
                              : ParseResult<std::chrono::seconds>(ParseError{"must be a string"});
    if (!duration || *duration < kMinSnooze || *duration > kMaxSnooze) {
      errors.add("for", "for must be an ISO 8601 duration from PT1M to P30D, like PT10M");
    } else {
      until = now + *duration;
    }
  } else if (!until_value.is_null()) {
    const auto instant = until_value.is_string()
                             ? time::parse_rfc3339(until_value.get<std::string>())
                             : ParseResult<time::Instant>(ParseError{"must be a string"});
    if (!instant) {
      errors.add("until", "until " + instant.error());
    } else {
      until = *instant;
    }
  } else if (!local_value.is_null()) {
    const auto local = local_value.is_string()
                           ? time::parse_local_due(local_value.get<std::string>())
                           : ParseResult<time::LocalDue>(ParseError{"must be a string"});
    if (!local || local->date_only()) {
      errors.add("until_local", "until_local must be a local date-time like 2026-12-01T18:00");
    } else {
      until = time::to_utc(*local, zone);
    }
  } else if (preset.is_string() && preset.get<std::string>() == "tomorrow_morning") {
    until = tomorrow_morning(zone, now);
  } else {
    errors.add("preset", "preset must be \"tomorrow_morning\"");
  }
  if (const auto problem = until ? window_problem(*until, now) : std::nullopt) {
    errors.add(!until_value.is_null() ? "until" : "until_local", *problem);
  }
  errors.throw_if_any();
  return *until;
}

bool apply_snooze(Task& task, time::Instant until, time::Instant now) {
  const bool already = std::any_of(task.reminders.begin(), task.reminders.end(),
                                   [&](const Reminder& r) { return r.at && *r.at == until; });
  if (already) return false;
  const std::vector<Reminder> previous = task.reminders;
  task.reminders.erase(std::remove_if(task.reminders.begin(), task.reminders.end(),
                                      [&](const Reminder& r) { return r.at && *r.at <= now; }),
                       task.reminders.end());
  if (task.reminders.size() >= kMaxReminders) {
    FieldErrors errors;
    errors.add("reminders", "the task already has " + std::to_string(kMaxReminders) +
                                " reminders to come; remove one before snoozing");
    errors.throw_if_any();
  }
  task.reminders.push_back(Reminder{"", std::nullopt, until});
  assign_reminder_ids(task.reminders, previous);
  task.updated_at = now;
  return true;
}

}  // namespace todo::tasks
