#include "buckets/bucket.hpp"

#include "tasks/priority.hpp"

namespace todo::reminder_scheduler {
namespace {

using nlohmann::json;

std::int64_t epoch(time::Instant instant) {
  return instant.time_since_epoch().count();
}

time::Instant instant_of(const json& value) {
  if (!value.is_number_integer()) throw std::invalid_argument("an instant must be epoch seconds");
  return time::Instant(std::chrono::seconds(value.get<std::int64_t>()));
}

json firings_to_json(const std::string& task_id, const std::vector<PlannedFiring>& firings) {
  json list = json::array();
  for (const auto& f : firings) {
    list.push_back({{"firing_id", make_firing_id(task_id, f.reminder_id, f.fire_at)},
                    {"reminder_id", f.reminder_id},
                    {"fire_at", epoch(f.fire_at)}});
  }
  return list;
}

json task_to_json(const std::string& task_id, const StoredTask& task) {
  const TaskSummary& s = task.summary;
  json out = {{"version", task.version},
              {"user_id", s.user_id},
              {"title", s.title},
              {"description", s.description_excerpt},
              {"priority", tasks::to_string(s.priority)},
              {"due", s.due ? json(time::format_local_due(*s.due)) : json(nullptr)},
              {"time_zone", s.time_zone},
              {"reminders", firings_to_json(task_id, task.pending)}};
  if (task.deleted) out["deleted"] = true;
  if (task.idle_since) out["idle_since"] = epoch(*task.idle_since);
  return out;
}

// Throws std::invalid_argument or json::exception on a malformed record.
StoredTask stored_task_from_json(const std::string& task_id, const json& in) {
  StoredTask task;
  task.version = in.at("version").get<std::int64_t>();
  task.deleted = in.value("deleted", false);
  TaskSummary& s = task.summary;
  s.task_id = task_id;
  s.user_id = in.at("user_id").get<std::string>();
  s.title = in.value("title", "");
  s.description_excerpt = in.value("description", "");
  s.priority =
      tasks::parse_priority(in.value("priority", "medium")).value_or(tasks::Priority::medium);
  const json& due = in.contains("due") ? in.at("due") : json(nullptr);
  if (!due.is_null()) {
    const auto parsed = time::parse_local_due(due.get<std::string>());
    if (!parsed) throw std::invalid_argument("due: " + parsed.error());
    s.due = *parsed;
  }
  s.time_zone = in.at("time_zone").get<std::string>();
  for (const json& f : in.at("reminders")) {
    task.pending.push_back({f.at("reminder_id").get<std::string>(), instant_of(f.at("fire_at"))});
  }
  if (in.contains("idle_since")) task.idle_since = instant_of(in.at("idle_since"));
  return task;
}

json settled_to_json(const std::map<std::string, time::Instant>& settled) {
  json out = json::object();
  for (const auto& [id, at] : settled) out[id] = epoch(at);
  return out;
}

void settled_from_json(const json& in, const char* name, std::map<std::string, time::Instant>& out,
                       std::vector<std::string>* problems) {
  if (!in.contains(name) || !in[name].is_object()) return;
  for (auto it = in[name].begin(); it != in[name].end(); ++it) {
    if (it.value().is_number_integer()) {
      out[it.key()] = instant_of(it.value());
    } else if (problems) {
      problems->push_back(std::string(name) + "." + it.key() + ": not epoch seconds");
    }
  }
}

}  // namespace

bool Bucket::settled(const std::string& firing_id) const {
  return fired.count(firing_id) > 0 || skipped.count(firing_id) > 0;
}

json to_json(const Bucket& bucket) {
  json tasks = json::object();
  for (const auto& [id, task] : bucket.tasks) tasks[id] = task_to_json(id, task);
  return {{"tasks", tasks},
          {"fired", settled_to_json(bucket.fired)},
          {"skipped", settled_to_json(bucket.skipped)}};
}

Bucket bucket_from_json(const json& in, std::vector<std::string>* problems) {
  Bucket bucket;
  if (!in.is_object()) {
    if (problems && !in.is_null()) problems->push_back("the bucket is not a JSON object");
    return bucket;
  }
  if (in.contains("tasks") && in["tasks"].is_object()) {
    for (auto it = in["tasks"].begin(); it != in["tasks"].end(); ++it) {
      try {
        bucket.tasks.emplace(it.key(), stored_task_from_json(it.key(), it.value()));
      } catch (const std::exception& e) {
        if (problems) problems->push_back("tasks." + it.key() + ": " + e.what());
      }
    }
  }
  settled_from_json(in, "fired", bucket.fired, problems);
  settled_from_json(in, "skipped", bucket.skipped, problems);
  return bucket;
}

void prune(Bucket& bucket, time::Instant now, std::chrono::seconds retention) {
  const time::Instant horizon = now - retention;
  for (auto* settled : {&bucket.fired, &bucket.skipped}) {
    for (auto it = settled->begin(); it != settled->end();) {
      it = it->second < horizon ? settled->erase(it) : std::next(it);
    }
  }
  for (auto it = bucket.tasks.begin(); it != bucket.tasks.end();) {
    const auto& task = it->second;
    const bool old_tombstone =
        task.pending.empty() && task.idle_since && *task.idle_since < horizon;
    it = old_tombstone ? bucket.tasks.erase(it) : std::next(it);
  }
}

}  // namespace todo::reminder_scheduler
