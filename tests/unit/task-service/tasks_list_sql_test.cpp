#include <catch2/catch.hpp>

#include "store/list_query.hpp"
#include "time/rfc3339.hpp"

using namespace todo::tasksvc;
using Catch::Contains;
using todo::time::parse_rfc3339;

namespace {

const std::string kUser = "6f1c7c1e-6a2b-4e4f-9d7a-1b2c3d4e5f60";
const todo::time::Instant kNow = *parse_rfc3339("2026-03-10T15:30:00Z");

SqlQuery build(const httplib::Params& params) {
  return build_list_sql(kUser, parse_list_query(params, "Europe/Berlin", kNow));
}

std::optional<std::string> p(const std::string& value) {
  return value;
}

}  // namespace

TEST_CASE("every list query is scoped to the user and fetches one row extra", "[tasksvc][sql]") {
  const SqlQuery q = build({});
  CHECK_THAT(q.sql, Contains("FROM tasks WHERE user_id = $1::uuid ORDER BY"));
  CHECK_THAT(q.sql, Contains("ORDER BY coalesce(tasks.due_at, 'infinity'::timestamptz) ASC, "
                             "tasks.id ASC LIMIT $2::integer"));
  REQUIRE(q.params.size() == 2);
  CHECK(q.params[0] == p(kUser));
  CHECK(q.params[1] == p("51"));
}

TEST_CASE("filters combine with AND, each with its own parameter", "[tasksvc][sql]") {
  const SqlQuery q = build({{"status", "open"},
                            {"priority", "urgent,low"},
                            {"tag", "Work,home"},
                            {"due_before", "2026-04-01"},
                            {"due_after", "2026-03-01T00:00:00Z"},
                            {"recurring", "true"},
                            {"limit", "10"}});
  CHECK_THAT(q.sql, Contains("WHERE user_id = $1::uuid AND status = $2 AND "
                             "priority = ANY($3::smallint[]) AND tags && $4::text[] AND "
                             "due_at < $5::timestamptz AND due_at >= $6::timestamptz AND "
                             "rrule IS NOT NULL ORDER BY"));
  REQUIRE(q.params.size() == 7);
  CHECK(q.params[1] == p("open"));
  CHECK(q.params[2] == p("{3,0}"));  // stored 0 (low) .. 3 (urgent)
  CHECK(q.params[3] == p(R"({"work","home"})"));
  CHECK(q.params[4] == p("2026-03-31T22:00:00Z"));  // local midnight, CEST
  CHECK(q.params[5] == p("2026-03-01T00:00:00Z"));
  CHECK(q.params[6] == p("11"));
}

TEST_CASE("tag_mode all asks for every tag", "[tasksvc][sql]") {
  CHECK_THAT(build({{"tag", "a,b"}, {"tag_mode", "all"}}).sql, Contains("tags @> $2::text[]"));
}

TEST_CASE("negated filters keep tasks without a due", "[tasksvc][sql]") {
  const SqlQuery yes = build({{"overdue", "true"}, {"due_today", "true"}, {"recurring", "false"}});
  CHECK_THAT(yes.sql, Contains("(status = 'open' AND due_at < $2::timestamptz)"));
  CHECK_THAT(yes.sql, Contains("(due_at >= $3::timestamptz AND due_at < $4::timestamptz)"));
  CHECK_THAT(yes.sql, Contains("rrule IS NULL"));
  CHECK(yes.params[1] == p("2026-03-10T15:30:00Z"));
  CHECK(yes.params[2] == p("2026-03-09T23:00:00Z"));
  CHECK(yes.params[3] == p("2026-03-10T23:00:00Z"));

  const SqlQuery no = build({{"overdue", "false"}, {"due_today", "false"}});
  CHECK_THAT(no.sql, Contains("(status <> 'open' OR due_at IS NULL OR due_at >= $2::timestamptz)"));
  CHECK_THAT(no.sql, Contains("(due_at IS NULL OR due_at < $3::timestamptz OR "
                              "due_at >= $4::timestamptz)"));
}

TEST_CASE("text search ORs a prefix tsquery with an escaped ILIKE and ranks", "[tasksvc][sql]") {
  const SqlQuery q = build({{"q", "Groc 50%_off\\"}});
  CHECK_THAT(q.sql, Contains("(search @@ to_tsquery('simple', $3) OR title ILIKE $2 ESCAPE '\\' "
                             "OR description ILIKE $2 ESCAPE '\\')"));
  CHECK_THAT(q.sql, Contains(", (ts_rank(search, to_tsquery('simple', $3)))::float8 AS sort_key"));
  CHECK_THAT(q.sql,
             Contains("ORDER BY ts_rank(search, to_tsquery('simple', $3)) DESC, tasks.id DESC"));
  CHECK(q.params[1] == p("%Groc 50\\%\\_off\\\\%"));
  CHECK(q.params[2] == p("'Groc':* & '50':* & 'off':*"));
}

TEST_CASE("text without words searches by substring only", "[tasksvc][sql]") {
  const SqlQuery q = build({{"q", "%%"}});
  CHECK_THAT(q.sql, Contains("(title ILIKE $2 ESCAPE '\\' OR description ILIKE $2 ESCAPE '\\')"));
  CHECK_THAT(q.sql, !Contains("to_tsquery"));
  CHECK_THAT(q.sql, Contains("ORDER BY 0::real DESC, tasks.id DESC"));
}

TEST_CASE("user input never becomes SQL text", "[tasksvc][sql]") {
  const std::string evil = "x'); DROP TABLE tasks; --";
  const SqlQuery q = build({{"q", evil}, {"tag", "robert-tables"}, {"sort", "title"}});
  CHECK_THAT(q.sql, !Contains("DROP"));
  CHECK_THAT(q.sql, !Contains("drop"));
  CHECK_THAT(q.sql, !Contains("robert"));
  CHECK_THAT(q.sql, !Contains(kUser));
  bool pattern_bound = false;
  for (const auto& param : q.params)
    pattern_bound |= param && param->find(evil) != std::string::npos;
  CHECK(pattern_bound);
}

TEST_CASE("each sort orders by its key, then id, in the chosen direction", "[tasksvc][sql]") {
  CHECK_THAT(build({{"sort", "priority"}}).sql,
             Contains("ORDER BY tasks.priority DESC, tasks.id DESC"));
  CHECK_THAT(build({{"sort", "title"}}).sql,
             Contains("ORDER BY lower(tasks.title) ASC, tasks.id ASC"));
  CHECK_THAT(build({{"sort", "title"}}).sql, Contains(", lower(tasks.title) AS sort_key"));
  CHECK_THAT(build({{"sort", "created"}}).sql,
             Contains("ORDER BY tasks.created_at DESC, tasks.id DESC"));
  CHECK_THAT(build({{"sort", "updated"}, {"order", "asc"}}).sql,
             Contains("ORDER BY tasks.updated_at ASC, tasks.id ASC"));
  CHECK_THAT(build({{"sort", "due"}, {"order", "desc"}}).sql,
             Contains("ORDER BY coalesce(tasks.due_at, '-infinity'::timestamptz) DESC, "
                      "tasks.id DESC"));
}

TEST_CASE("a cursor becomes a keyset condition on (key, id)", "[tasksvc][sql]") {
  const std::string id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  ListQuery q = parse_list_query({}, "UTC", kNow);

  SECTION("due ascending with a due") {
    q.after = ListCursor{std::string("2026-03-12T08:00:00Z"), id};
    const SqlQuery sql = build_list_sql(kUser, q);
    CHECK_THAT(sql.sql, Contains("(coalesce(tasks.due_at, 'infinity'::timestamptz), tasks.id) > "
                                 "($3::timestamptz, $2::uuid)"));
    CHECK(sql.params[1] == p(id));
    CHECK(sql.params[2] == p("2026-03-12T08:00:00Z"));
  }
  SECTION("among undated tasks: they sort as +infinity ascending, -infinity descending") {
    q.after = ListCursor{std::nullopt, id};
    CHECK(build_list_sql(kUser, q).params[2] == p("infinity"));
    q.order = SortOrder::desc;
    const SqlQuery sql = build_list_sql(kUser, q);
    CHECK_THAT(sql.sql, Contains("(coalesce(tasks.due_at, '-infinity'::timestamptz), tasks.id) < "
                                 "($3::timestamptz, $2::uuid)"));
    CHECK(sql.params[2] == p("-infinity"));
  }
  SECTION("priority descending") {
    q.sort = SortKey::priority;
    q.order = SortOrder::desc;
    q.after = ListCursor{std::string("2"), id};
    CHECK_THAT(build_list_sql(kUser, q).sql,
               Contains("(tasks.priority, tasks.id) < ($3::smallint, $2::uuid)"));
  }
  SECTION("relevance") {
    q.text = "milk";
    q.sort = SortKey::relevance;
    q.order = SortOrder::desc;
    q.after = ListCursor{std::string("0.0607927"), id};
    const SqlQuery sql = build_list_sql(kUser, q);
    CHECK_THAT(sql.sql, Contains("(ts_rank(search, to_tsquery('simple', $3)), tasks.id) < "
                                 "($5::real, $4::uuid)"));
    CHECK(sql.params[4] == p("0.0607927"));
  }
}
