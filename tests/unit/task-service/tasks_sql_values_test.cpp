#include <catch2/catch.hpp>

#include "store/pg_array.hpp"
#include "store/sql_values.hpp"
#include "store/task_row.hpp"
#include "store/text_search.hpp"
#include "time/rfc3339.hpp"

using namespace todo::tasksvc;

TEST_CASE("array literals quote every element", "[tasksvc][sql]") {
  CHECK(pg_text_array({}) == "{}");
  CHECK(pg_text_array({"work", "a,b", "{x}", "q\"uote", "back\\slash", "", "NULL"}) ==
        R"({"work","a,b","{x}","q\"uote","back\\slash","","NULL"})");
  CHECK(pg_int_array({}) == "{}");
  CHECK(pg_int_array({0, 3}) == "{0,3}");
}

TEST_CASE("prefix tsqueries hold only quoted words", "[tasksvc][search]") {
  CHECK(prefix_tsquery("groc") == std::optional<std::string>("'groc':*"));
  CHECK(prefix_tsquery("  Groc,  milk! ") == std::optional<std::string>("'Groc':* & 'milk':*"));
  CHECK(prefix_tsquery("it's a:b|c&!d") ==
        std::optional<std::string>("'it':* & 's':* & 'a':* & 'b':* & 'c':* & 'd':*"));
  CHECK(prefix_tsquery("café 日本") == std::optional<std::string>("'café':* & '日本':*"));
  CHECK_FALSE(prefix_tsquery("!!! ***"));
  CHECK_FALSE(prefix_tsquery(""));
}

TEST_CASE("ILIKE patterns escape their wildcards", "[tasksvc][search]") {
  CHECK(ilike_contains("milk") == "%milk%");
  CHECK(ilike_contains("50%_off\\") == "%50\\%\\_off\\\\%");
}

TEST_CASE("values are checked against their SQL types", "[tasksvc][sql]") {
  CHECK(storable_instant(*todo::time::parse_rfc3339("0001-01-01T00:00:00Z")));
  CHECK(storable_instant(*todo::time::parse_rfc3339("9999-12-31T23:59:59Z")));
  CHECK_FALSE(storable_instant(*todo::time::parse_rfc3339("0001-01-01T00:30:00+01:00")));
  CHECK(is_sql_real("0.6079271"));
  CHECK(is_sql_real("1e-20"));
  CHECK(is_sql_real("0"));
  CHECK_FALSE(is_sql_real("1e39"));
  CHECK_FALSE(is_sql_real("NaN"));
  CHECK_FALSE(is_sql_real("1.2.3"));
  CHECK(is_clean_text("groceries ü"));
  CHECK_FALSE(is_clean_text("a\tb"));
  CHECK_FALSE(is_clean_text("\xc3"));
}

TEST_CASE("priorities are stored 0 (low) to 3 (urgent)", "[tasksvc][sql]") {
  using todo::tasks::Priority;
  for (const Priority p : {Priority::low, Priority::medium, Priority::high, Priority::urgent}) {
    CHECK(priority_from_db(priority_to_db(p)) == p);
  }
  CHECK(priority_to_db(Priority::low) == 0);
  CHECK(priority_to_db(Priority::urgent) == 3);
  CHECK_THROWS_AS(priority_from_db(4), std::runtime_error);
}

TEST_CASE("a task's column values", "[tasksvc][sql]") {
  todo::tasks::Task t;
  t.title = "x";
  t.tags = {"work", "home"};
  t.due = todo::time::LocalDue{{2026, 3, 12}, std::nullopt};
  t.due_at = *todo::time::parse_rfc3339("2026-03-11T23:00:00Z");
  todo::tasks::Reminder r;
  r.id = "r1";
  r.before = std::chrono::hours{1};
  t.reminders = {r};
  t.recurrence =
      todo::tasks::Recurrence{"FREQ=DAILY;COUNT=3", todo::tasks::RecurrenceMode::completion};
  const TaskValues v = task_values(t);
  CHECK(v.priority == "1");
  CHECK(v.tags == R"({"work","home"})");
  CHECK(v.status == "open");
  CHECK(v.due_local == std::optional<std::string>("2026-03-12"));
  CHECK(v.due_at == std::optional<std::string>("2026-03-11T23:00:00Z"));
  CHECK(v.reminders == R"([{"before":"PT1H","id":"r1"}])");  // no derived fire_at
  CHECK(v.rrule == std::optional<std::string>("FREQ=DAILY;COUNT=3"));
  CHECK(v.recurrence_mode == std::optional<std::string>("completion"));
  CHECK_FALSE(v.completed_at);
  CHECK(v.created_at == "1970-01-01T00:00:00Z");
}
