#include "schedule/schedule.hpp"

#include <catch2/catch.hpp>

#include "scheduler_test_support.hpp"

using namespace reminder_test;

namespace {

TaskSummary summary(const std::string& task_id, const std::string& user = "user-1") {
  TaskSummary s;
  s.task_id = task_id;
  s.user_id = user;
  s.title = "Title of " + task_id;
  s.time_zone = "Europe/London";
  return s;
}

PlannedFiring firing(const std::string& reminder, const char* instant) {
  return {reminder, at(instant)};
}

std::vector<std::string> ids_of(const std::vector<DueFiring>& due) {
  std::vector<std::string> ids;
  ids.reserve(due.size());
  for (const auto& d : due) ids.push_back(d.id());
  return ids;
}

}  // namespace

TEST_CASE("the schedule hands out due firings earliest first and keeps the later ones",
          "[reminder-scheduler]") {
  Schedule schedule;
  schedule.replace(summary("b"), {firing("r1", "2026-12-01T10:00:00Z")});
  schedule.replace(summary("a"),
                   {firing("r1", "2026-12-01T09:00:00Z"), firing("r2", "2026-12-01T11:00:00Z")});
  schedule.replace(summary("c"), {firing("r1", "2026-12-01T09:30:00Z")});
  CHECK(schedule.size() == 4);
  CHECK(schedule.task_count() == 3);
  CHECK(schedule.next_fire_at() == at("2026-12-01T09:00:00Z"));

  CHECK(schedule.take_due(at("2026-12-01T08:59:59Z")).empty());
  const auto due = schedule.take_due(at("2026-12-01T10:00:00Z"));
  CHECK(ids_of(due) ==
        std::vector<std::string>{"a:r1:1796115600", "c:r1:1796117400", "b:r1:1796119200"});
  CHECK(due[0].task.title == "Title of a");
  CHECK(schedule.next_fire_at() == at("2026-12-01T11:00:00Z"));
  // Taken firings are in flight, not gone, until they are settled.
  CHECK(schedule.size() == 4);
  for (const auto& d : due) schedule.settle(d);
  CHECK(schedule.size() == 1);
  CHECK(schedule.task_count() == 1);
  CHECK_FALSE(schedule.has_task("b"));
}

TEST_CASE("take_due stops at its limit", "[reminder-scheduler]") {
  Schedule schedule;
  for (int i = 0; i < 5; ++i) {
    schedule.replace(summary("t" + std::to_string(i)), {firing("r1", "2026-12-01T09:00:00Z")});
  }
  CHECK(schedule.take_due(at("2026-12-01T09:00:00Z"), 3).size() == 3);
  CHECK(schedule.take_due(at("2026-12-01T09:00:00Z"), 3).size() == 2);
}

TEST_CASE("replacing a task's firings cancels the dropped ones, adds the new ones, keeps the rest",
          "[reminder-scheduler]") {
  Schedule schedule;
  schedule.replace(summary("t"),
                   {firing("r1", "2026-12-01T09:00:00Z"), firing("r2", "2026-12-01T10:00:00Z")});
  const auto result = schedule.replace(
      summary("t"), {firing("r2", "2026-12-01T10:00:00Z"), firing("r1", "2026-12-01T09:30:00Z"),
                     firing("r3", "2026-12-02T08:00:00Z")});
  CHECK(result.added == 2);      // r1 at its new instant, r3
  CHECK(result.cancelled == 1);  // r1 at its old instant
  CHECK(schedule.firings_of("t") ==
        std::vector<PlannedFiring>{firing("r1", "2026-12-01T09:30:00Z"),
                                   firing("r2", "2026-12-01T10:00:00Z"),
                                   firing("r3", "2026-12-02T08:00:00Z")});
  CHECK(schedule.take_due(at("2026-12-01T09:00:00Z")).empty());

  const auto cleared = schedule.replace(summary("t"), {});
  CHECK(cleared.cancelled == 3);
  CHECK(schedule.size() == 0);
  CHECK_FALSE(schedule.has_task("t"));
  CHECK_FALSE(schedule.next_fire_at());
}

TEST_CASE("a reminder id listed twice is scheduled once", "[reminder-scheduler]") {
  Schedule schedule;
  schedule.replace(summary("t"),
                   {firing("r1", "2026-12-01T09:00:00Z"), firing("r1", "2026-12-01T09:30:00Z")});
  CHECK(schedule.size() == 1);
}

TEST_CASE(
    "an in-flight firing stays in flight through a replace that keeps it, and can be "
    "cancelled",
    "[reminder-scheduler]") {
  Schedule schedule;
  schedule.replace(summary("t"), {firing("r1", "2026-12-01T09:00:00Z")});
  auto due = schedule.take_due(at("2026-12-01T09:00:00Z"));
  REQUIRE(due.size() == 1);

  // A title edit arrives while it is being published: it is not scheduled a second time.
  auto renamed = summary("t");
  renamed.title = "New title";
  CHECK(schedule.replace(renamed, {firing("r1", "2026-12-01T09:00:00Z")}).added == 0);
  CHECK(schedule.take_due(at("2026-12-01T09:00:00Z")).empty());
  CHECK(schedule.refresh_in_flight(due[0]));
  CHECK(due[0].task.title == "New title");

  // The due moved: the in-flight firing is cancelled, a retry of it must not go out.
  schedule.replace(renamed, {firing("r1", "2026-12-01T12:00:00Z")});
  CHECK_FALSE(schedule.refresh_in_flight(due[0]));
  schedule.settle(due[0]);  // a late settle of the cancelled firing changes nothing
  CHECK(schedule.firings_of("t") ==
        std::vector<PlannedFiring>{firing("r1", "2026-12-01T12:00:00Z")});
}

TEST_CASE("the schedule tells its listener when the earliest instant moves earlier",
          "[reminder-scheduler]") {
  Schedule schedule;
  int calls = 0;
  schedule.on_earlier([&] { ++calls; });
  schedule.replace(summary("a"), {firing("r1", "2026-12-01T10:00:00Z")});
  CHECK(calls == 1);  // the first firing is the earliest
  schedule.replace(summary("b"), {firing("r1", "2026-12-01T11:00:00Z")});
  CHECK(calls == 1);
  schedule.replace(summary("c"), {firing("r1", "2026-12-01T09:00:00Z")});
  CHECK(calls == 2);
}

TEST_CASE("the schedule gives back each task's data exactly", "[reminder-scheduler]") {
  Schedule schedule;
  TaskSummary full = summary("6f1c2a9e-1d2b-4c3d-8e4f-0123456789ab", "user-2");
  full.description_excerpt = "With a description";
  full.priority = tasks::Priority::urgent;
  full.due = time::LocalDue{time::LocalDate{2026, 12, 24}, std::nullopt};
  TaskSummary bare = summary("6F1C2A9E-1D2B-4C3D-8E4F-0123456789AB");  // upper case: kept as is
  bare.title = "";
  bare.due = time::LocalDue{time::LocalDate{2027, 1, 2}, std::chrono::seconds{8 * 3600 + 30 * 60}};
  schedule.replace(full, {firing("r1", "2026-12-01T09:00:00Z")});
  schedule.replace(bare, {firing("r1", "2026-12-01T09:00:01Z")});

  const auto due = schedule.take_due(at("2026-12-01T10:00:00Z"));
  REQUIRE(due.size() == 2);
  CHECK(due[0].task == full);
  CHECK(due[1].task == bare);
}

TEST_CASE("the compact pieces of the schedule round-trip", "[reminder-scheduler]") {
  SECTION("task keys pack lower-case UUIDs and keep any other id") {
    for (const std::string id : {"6f1c2a9e-1d2b-4c3d-8e4f-0123456789ab", "task-1", "",
                                 "6F1C2A9E-1D2B-4C3D-8E4F-0123456789AB"}) {
      const TaskKey key(id);
      CHECK(key.str() == id);
      const TaskKey copy = key;  // NOLINT(performance-unnecessary-copy-initialization): tested
      CHECK(copy == key);
      CHECK(copy.hash() == key.hash());
    }
    CHECK(TaskKey("6f1c2a9e-1d2b-4c3d-8e4f-0123456789ab") !=
          TaskKey("6F1C2A9E-1D2B-4C3D-8E4F-0123456789AB"));
    CHECK(sizeof(TaskKey) == 16);
  }
  SECTION("the string pool shares equal strings and frees them with their last user") {
    StringPool pool;
    const auto a = pool.acquire("user-1");
    CHECK(pool.acquire("user-1") == a);
    const auto b = pool.acquire("user-2");
    CHECK(pool.size() == 2);
    pool.release(a);
    CHECK(pool.at(a) == "user-1");
    pool.release(a);
    CHECK(pool.size() == 1);
    CHECK(pool.at(pool.acquire("user-3")) == "user-3");
    CHECK(pool.at(b) == "user-2");
  }
  SECTION("packed text and compact due") {
    const PackedText text("Pay rent", "Bank transfer");
    CHECK(text.title() == "Pay rent");
    CHECK(text.excerpt() == "Bank transfer");
    CHECK(PackedText().title().empty());
    CHECK(PackedText("", "only excerpt").excerpt() == "only excerpt");
    const time::LocalDue due{time::LocalDate{2026, 2, 28}, std::chrono::seconds{86399}};
    CHECK(CompactDue(due).get() == due);
    CHECK_FALSE(CompactDue(std::nullopt).get());
  }
}
