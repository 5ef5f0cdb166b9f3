#pragma once
// A firing is one reminder of one task at one instant. Its id, "<task_id>:<reminder_id>:<epoch
// seconds of the instant>", is the CloudEvent id of the reminder event, so consumers deduplicate
// on it: a re-fire after a crash carries the same id, while moving the due or the offset makes
// a new firing (and cancels the old one), and an unrelated edit (the title) keeps it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tasks/priority.hpp"
#include "time/instant.hpp"
#include "time/local_due.hpp"

namespace todo::reminder_scheduler {

struct PlannedFiring {
  std::string reminder_id;
  time::Instant fire_at{};
};

bool operator==(const PlannedFiring& a, const PlannedFiring& b);
bool operator!=(const PlannedFiring& a, const PlannedFiring& b);

std::string make_firing_id(std::string_view task_id, std::string_view reminder_id,
                           time::Instant fire_at);

// What a reminder event says about its task; one copy serves all of the task's firings.
struct TaskSummary {
  std::string task_id;
  std::string user_id;
  std::string title;
  std::string description_excerpt;  // the description's first kExcerptCodePoints code points
  tasks::Priority priority = tasks::Priority::medium;
  std::optional<time::LocalDue> due;  // local, in time_zone, as the task has it
  std::string time_zone = "UTC";
};

bool operator==(const TaskSummary& a, const TaskSummary& b);

// A firing taken from the schedule to be published, with its task's data.
struct DueFiring {
  TaskSummary task;
  PlannedFiring firing;

  std::string id() const {
    return make_firing_id(task.task_id, firing.reminder_id, firing.fire_at);
  }
};

}  // namespace todo::reminder_scheduler
