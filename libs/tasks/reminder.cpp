#include "tasks/reminder.hpp"

#include <algorithm>
#include <cstdlib>

#include "time/time_zone.hpp"

namespace todo::tasks {
namespace {

// The N of an id spelled "r<N>", or 0.
long assigned_number(const std::string& id) {
  if (id.size() < 2 || id[0] != 'r' || id.size() > 10) return 0;
  if (id.find_first_not_of("0123456789", 1) != std::string::npos) return 0;
  return std::atol(id.c_str() + 1);
}

bool id_in_use(const std::vector<Reminder>& reminders, const std::string& id) {
  return std::any_of(reminders.begin(), reminders.end(),
                     [&](const Reminder& r) { return r.id == id; });
}

}  // namespace

bool operator==(const Reminder& a, const Reminder& b) {
  return a.id == b.id && same_trigger(a, b);
}
bool operator!=(const Reminder& a, const Reminder& b) {
  return !(a == b);
}

bool same_trigger(const Reminder& a, const Reminder& b) {
  return a.before == b.before && a.at == b.at;
}

std::optional<time::Instant> reminder_fire_at(const Reminder& reminder,
                                              const std::optional<time::LocalDue>& due,
                                              const std::string& time_zone) {
  if (reminder.at) return reminder.at;
  if (!reminder.before || !due) return std::nullopt;
  time::LocalDue anchor = *due;
  if (anchor.date_only()) anchor.time_of_day = kDateOnlyReminderAnchor;
  return time::to_utc(anchor, time_zone) - *reminder.before;
}

void assign_reminder_ids(std::vector<Reminder>& reminders, const std::vector<Reminder>& previous) {
  for (Reminder& reminder : reminders) {
    if (!reminder.id.empty()) continue;
    for (const Reminder& old : previous) {
      if (same_trigger(reminder, old) && !id_in_use(reminders, old.id)) {
        reminder.id = old.id;
        break;
      }
    }
  }
  long highest = 0;
  for (const Reminder& r : reminders) highest = std::max(highest, assigned_number(r.id));
  for (const Reminder& r : previous) highest = std::max(highest, assigned_number(r.id));
  for (Reminder& reminder : reminders) {
    if (reminder.id.empty()) reminder.id = "r" + std::to_string(++highest);
  }
}

}  // namespace todo::tasks
