#include "store/task_sql.hpp"
#include "tasks/task_json.hpp"

namespace todo::tasksvc {
namespace {

// The user-visible members of the wire JSON, in the order the history shows them.
constexpr const char* kDiffedFields[] = {"title",     "description", "priority",   "tags",  "due",
                                         "time_zone", "reminders",   "recurrence", "status"};

nlohmann::json visible_fields(const tasks::Task& task) {
  nlohmann::json wire = tasks::to_json(task);
  // fire_at is derived from due and zone: a moved due already shows as a change of "due", and a
  // reminder whose trigger is unchanged should not look edited.
  for (nlohmann::json& reminder : wire["reminders"]) reminder.erase("fire_at");
  return wire;
}

}  // namespace

nlohmann::json diff_tasks(const tasks::Task& before, const tasks::Task& after) {
  const nlohmann::json from = visible_fields(before);
  const nlohmann::json to = visible_fields(after);
  nlohmann::json changes = nlohmann::json::object();
  for (const char* field : kDiffedFields) {
    if (from[field] != to[field]) changes[field] = {{"from", from[field]}, {"to", to[field]}};
  }
  return changes;
}

}  // namespace todo::tasksvc
