#include "series_tracker.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "dapr/memory_state_store.hpp"
#include "dapr_adapters.hpp"
#include "next_command.hpp"
#include "time/rfc3339.hpp"

using namespace todo;
using namespace todo::recurrence_service;

namespace {

// The tracker on the service's own adapter over the shared in-memory state store, which keeps
// the Dapr store's rules: ETags change on every save, a save with a stale ETag fails, and so
// does a first write of a key that exists.
struct MemoryStore : ProgressStore {
  dapr::testing::MemoryStateStore state;
  StateProgressStore adapter{state};
  std::optional<StoredProgress> load(const std::string& series_id) override {
    return adapter.load(series_id);
  }
  void save(const std::string& series_id, const SeriesProgress& progress,
            const std::optional<std::string>& etag) override {
    adapter.save(series_id, progress, etag);
  }
  std::optional<SeriesProgress> stored(const std::string& series_id) {
    const auto item = state.get(series_key(series_id));
    if (!item) return std::nullopt;
    return series_progress_from_json(item->value);
  }
};

class RecordingSender final : public CommandSender {
 public:
  void send(const events::CreateOccurrence& command) override { sent.push_back(command); }
  std::vector<events::CreateOccurrence> sent;
};

time::Instant at(const char* text) {
  return *time::parse_rfc3339(text);
}

tasks::Task weekly_task(int index, const std::string& rrule = "FREQ=WEEKLY;BYDAY=MO") {
  tasks::Task task;
  task.id = "task-" + std::to_string(index);
  task.user_id = "user-1";
  task.title = "Team sync";
  task.description = "notes";
  task.priority = tasks::Priority::high;
  task.tags = {"work"};
  task.status = tasks::TaskStatus::completed;
  task.time_zone = "Europe/London";
  // Monday 2026-12-07 10:00 plus `index` weeks.
  task.due = time::LocalDue{time::LocalDate{2026, 12, 7}, std::chrono::hours{10}};
  for (int i = 0; i < index; ++i) {
    task.due->date.day += 7;
    if (task.due->date.day > 31) task.due->date = {2027, 1, task.due->date.day - 31};
  }
  task.recurrence = tasks::Recurrence{rrule, tasks::RecurrenceMode::due};
  task.series_id = "series-1";
  task.occurrence_index = index;
  task.reminders = {tasks::Reminder{"r1", std::chrono::minutes{15}, std::nullopt},
                    tasks::Reminder{"r2", std::nullopt, at("2026-12-06T18:00:00Z")}};
  return task;
}

}  // namespace

TEST_CASE("completing a recurring task sends the next occurrence once", "[recurrence-service]") {
  MemoryStore store;
  RecordingSender sender;
  const auto done_at = at("2026-12-07T11:00:00Z");

  CHECK(handle_completion(weekly_task(0), done_at, store, sender) == CompletionResult::sent);
  REQUIRE(sender.sent.size() == 1);
  const auto command = sender.sent[0];  // a copy: later sends reallocate
  CHECK(command.series_id == "series-1");
  CHECK(command.occurrence_index == 1);
  CHECK(command.parent_id == "task-0");
  const auto body = tasks::to_create_body(command.task);  // what goes on the wire
  CHECK(body["due"] == "2026-12-14T10:00:00");
  CHECK(body["title"] == "Team sync");
  CHECK(body["priority"] == "high");
  CHECK(body["tags"] == nlohmann::json({"work"}));
  CHECK(body["recurrence"]["rrule"] == "FREQ=WEEKLY;BYDAY=MO");
  // The relative reminder stays relative; the absolute one moves with the due (one week).
  CHECK(body["reminders"][0] == nlohmann::json({{"before", "PT15M"}}));
  CHECK(body["reminders"][1] == nlohmann::json({{"at", "2026-12-13T18:00:00Z"}}));

  // Redelivered, or completed again after a reopen: the same command, nothing new decided.
  CHECK(handle_completion(weekly_task(0), done_at, store, sender) == CompletionResult::resent);
  CHECK(handle_completion(weekly_task(0), at("2026-12-08T09:00:00Z"), store, sender) ==
        CompletionResult::resent);
  REQUIRE(sender.sent.size() == 3);
  CHECK(events::command_id(sender.sent[2]) == events::command_id(command));
  CHECK(tasks::to_create_body(sender.sent[2].task) == body);
  CHECK(store.state.writes == 1);
}

TEST_CASE("a COUNT=3 series ends after its third task", "[recurrence-service]") {
  MemoryStore store;
  RecordingSender sender;
  const std::string rule = "FREQ=WEEKLY;BYDAY=MO;COUNT=3";
  CHECK(handle_completion(weekly_task(0, rule), at("2026-12-07T11:00:00Z"), store, sender) ==
        CompletionResult::sent);
  CHECK(handle_completion(weekly_task(1, rule), at("2026-12-14T11:00:00Z"), store, sender) ==
        CompletionResult::sent);
  CHECK(handle_completion(weekly_task(2, rule), at("2026-12-21T11:00:00Z"), store, sender) ==
        CompletionResult::finished);
  CHECK(handle_completion(weekly_task(2, rule), at("2026-12-21T12:00:00Z"), store, sender) ==
        CompletionResult::already_finished);
  REQUIRE(sender.sent.size() == 2);
  CHECK(sender.sent[0].occurrence_index == 1);
  CHECK(sender.sent[1].occurrence_index == 2);
  CHECK(store.stored("series-1")->finished);
}

TEST_CASE("an older occurrence completed late does not move the series", "[recurrence-service]") {
  MemoryStore store;
  RecordingSender sender;
  CHECK(handle_completion(weekly_task(1), at("2026-12-14T11:00:00Z"), store, sender) ==
        CompletionResult::sent);
  CHECK(handle_completion(weekly_task(0), at("2026-12-14T12:00:00Z"), store, sender) ==
        CompletionResult::stale);
  CHECK(sender.sent.size() == 1);
}

TEST_CASE("a crash between deciding and sending is repaired by the redelivery",
          "[recurrence-service]") {
  MemoryStore store;
  class FailingSender final : public CommandSender {
   public:
    void send(const events::CreateOccurrence&) override { throw std::runtime_error("down"); }
  } failing;
  CHECK_THROWS_AS(handle_completion(weekly_task(0), at("2026-12-07T11:00:00Z"), store, failing),
                  std::runtime_error);
  RecordingSender sender;
  // The redelivery comes later (a different "now"), but the stored decision is what is sent.
  CHECK(handle_completion(weekly_task(0), at("2026-12-20T11:00:00Z"), store, sender) ==
        CompletionResult::resent);
  REQUIRE(sender.sent.size() == 1);
  CHECK(sender.sent[0].task.due == time::parse_local_due("2026-12-14T10:00:00").value());
}

TEST_CASE("two deliveries deciding at once: the second is told to retry", "[recurrence-service]") {
  MemoryStore store;
  RecordingSender sender;
  // Both loaded "nothing stored"; the first one's save wins.
  class RacingStore final : public ProgressStore {
   public:
    explicit RacingStore(MemoryStore& inner) : inner_(inner) {}
    std::optional<StoredProgress> load(const std::string&) override { return std::nullopt; }
    void save(const std::string& id, const SeriesProgress& p,
              const std::optional<std::string>& etag) override {
      inner_.save(id, p, etag);
    }

   private:
    MemoryStore& inner_;
  } racing(store);
  CHECK(handle_completion(weekly_task(0), at("2026-12-07T11:00:00Z"), racing, sender) ==
        CompletionResult::sent);
  CHECK_THROWS_AS(handle_completion(weekly_task(0), at("2026-12-07T11:00:01Z"), racing, sender),
                  dapr::WriteConflict);
  CHECK(sender.sent.size() == 1);
}

TEST_CASE("completion mode re-anchors at the completion", "[recurrence-service]") {
  tasks::Task task = weekly_task(0, "FREQ=DAILY;INTERVAL=3");
  task.recurrence->mode = tasks::RecurrenceMode::completion;
  task.due = time::LocalDue{time::LocalDate{2026, 12, 1}, std::chrono::hours{9}};
  // Completed on Monday 7 December at 15:00 London time.
  const auto next = next_of(task, at("2026-12-07T15:00:00Z"));
  REQUIRE(next);
  CHECK(time::format_local_due(next->due) == "2026-12-10T09:00:00");
  CHECK(make_command(task, *next).task.recurrence->mode == tasks::RecurrenceMode::completion);
}

TEST_CASE("progress records round-trip and odd shapes are ignored", "[recurrence-service]") {
  SeriesProgress progress{4, {{"command", "create_occurrence"}}, false};
  const auto back = series_progress_from_json(to_json(progress));
  REQUIRE(back);
  CHECK(back->completed_index == 4);
  CHECK(back->command == progress.command);
  CHECK_FALSE(series_progress_from_json(nlohmann::json::array()));
  CHECK_FALSE(series_progress_from_json({{"completed_index", "4"}}));
  CHECK(series_key("abc") == "series-abc");
}
