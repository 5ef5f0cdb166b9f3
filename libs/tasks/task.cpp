#include "tasks/task.hpp"

#include <tuple>

namespace todo::tasks {

bool operator==(const Task& a, const Task& b) {
  const auto fields = [](const Task& t) {
    return std::tie(t.id, t.user_id, t.title, t.description, t.priority, t.tags, t.status, t.due,
                    t.time_zone, t.due_at, t.reminders, t.recurrence, t.series_id, t.parent_id,
                    t.occurrence_index, t.completed_at, t.created_at, t.updated_at, t.version);
  };
  return fields(a) == fields(b);
}
bool operator!=(const Task& a, const Task& b) {
  return !(a == b);
}

}  // namespace todo::tasks
