#include <catch2/catch.hpp>
#include <map>

#include "http/problem.hpp"
#include "store/list_cursor.hpp"
#include "store/list_query.hpp"
#include "time/rfc3339.hpp"

using namespace todo::tasksvc;
using todo::time::Instant;

namespace {

const Instant kNow = *todo::time::parse_rfc3339("2026-03-10T15:30:00Z");

ListQuery parse(const httplib::Params& params, const std::string& zone = "Europe/Berlin") {
  return parse_list_query(params, zone, kNow);
}

// field -> message of every error in the 400 that parsing throws; empty when it does not throw.
std::map<std::string, std::string> errors_of(const httplib::Params& params) {
  try {
    parse(params);
  } catch (const todo::errors::DomainError& thrown) {
    const auto problem = todo::http::problem_for(thrown);
    CHECK(problem.status() == 400);
    CHECK(problem.title() == "Invalid query parameter");
    const auto& errors = problem.extra().at("errors");
    REQUIRE_FALSE(errors.empty());
    CHECK(problem.detail() == errors.at(0).at("message").get<std::string>());
    std::map<std::string, std::string> out;
    for (const auto& e : errors) out[e.at("field")] = e.at("message").get<std::string>();
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("an empty query lists everything by due date, 50 at a time", "[tasksvc][list]") {
  const ListQuery q = parse({});
  CHECK(q.status == StatusFilter::all);
  CHECK(q.priorities.empty());
  CHECK(q.tags.empty());
  CHECK_FALSE(q.text);
  CHECK_FALSE(q.due_before);
  CHECK_FALSE(q.overdue);
  CHECK(q.sort == SortKey::due);
  CHECK(q.order == SortOrder::asc);
  CHECK(q.limit == 50);
  CHECK_FALSE(q.after);
  CHECK(q.now == kNow);
}

TEST_CASE("status takes open, completed or all", "[tasksvc][list]") {
  CHECK(parse({{"status", "open"}}).status == StatusFilter::open);
  CHECK(parse({{"status", "completed"}}).status == StatusFilter::completed);
  CHECK(parse({{"status", "all"}}).status == StatusFilter::all);
  CHECK_THAT(errors_of({{"status", "done"}}).at("status"), Catch::Contains("open, completed, all"));
  CHECK_THAT(errors_of({{"status", "open"}, {"status", "completed"}}).at("status"),
             Catch::Contains("only once"));
}

TEST_CASE("priority is repeatable and comma-separated", "[tasksvc][list]") {
  using todo::tasks::Priority;
  const ListQuery q =
      parse({{"priority", "high, urgent"}, {"priority", "low"}, {"priority", "high"}});
  CHECK(q.priorities == std::vector<Priority>{Priority::high, Priority::urgent, Priority::low});
  const auto errors = errors_of({{"priority", "high,critical"}});
  CHECK_THAT(errors.at("priority"), Catch::Contains("low, medium, high, urgent"));
  CHECK_THAT(errors.at("priority"), Catch::Contains("'critical'"));
}

TEST_CASE("tags are normalized, deduplicated and limited", "[tasksvc][list]") {
  const ListQuery q = parse({{"tag", "#Work,home"}, {"tag", " WORK "}, {"tag_mode", "all"}});
  CHECK(q.tags == std::vector<std::string>{"work", "home"});
  CHECK(q.tag_mode == TagMode::all);
  CHECK(parse({{"tag", "x"}}).tag_mode == TagMode::any);
  CHECK_THAT(errors_of({{"tag", "a/b"}}).at("tag"), Catch::Contains("'a/b'"));
  CHECK_THAT(errors_of({{"tag_mode", "some"}}).at("tag_mode"), Catch::Contains("any, all"));
  std::string many;
  for (int i = 0; i < 21; ++i) many += "t" + std::to_string(i) + ",";
  CHECK_THAT(errors_of({{"tag", many}}).at("tag"), Catch::Contains("at most 20"));
}

TEST_CASE("q is trimmed, bounded and switches the default sort to relevance", "[tasksvc][list]") {
  const ListQuery q = parse({{"q", "  groc milk "}});
  REQUIRE(q.text);
  CHECK(*q.text == "groc milk");
  CHECK(q.sort == SortKey::relevance);
  CHECK(q.order == SortOrder::desc);
  CHECK_FALSE(parse({{"q", "   "}}).text);
  CHECK(parse({{"q", std::string(200, 'x')}}).text);
  CHECK_THAT(errors_of({{"q", std::string(201, 'x')}}).at("q"), Catch::Contains("at most 200"));
  std::string two_hundred_umlauts;
  for (int i = 0; i < 200; ++i) two_hundred_umlauts += "ü";
  CHECK(parse({{"q", two_hundred_umlauts}}).text);  // characters, not bytes
  CHECK(errors_of({{"q", "bad\xff"}}).count("q") == 1);
  CHECK(errors_of({{"q", std::string("nul\0x", 5)}}).count("q") == 1);
  CHECK(parse({{"q", "milk"}, {"sort", "title"}}).sort == SortKey::title);
}

TEST_CASE("due bounds take instants or local dates in the user's zone", "[tasksvc][list]") {
  using todo::time::format_rfc3339;
  // Berlin is UTC+1 in March before the switch on the 29th.
  CHECK(format_rfc3339(*parse({{"due_before", "2026-03-12"}}).due_before) ==
        "2026-03-11T23:00:00Z");
  CHECK(format_rfc3339(*parse({{"due_after", "2026-03-12T09:00"}}).due_after) ==
        "2026-03-12T08:00:00Z");
  CHECK(format_rfc3339(*parse({{"due_after", "2026-03-12T09:00:00+02:00"}}).due_after) ==
        "2026-03-12T07:00:00Z");
  CHECK(format_rfc3339(*parse({{"due_before", "2026-03-12T09:00:00Z"}}).due_before) ==
        "2026-03-12T09:00:00Z");
  CHECK(format_rfc3339(*parse({{"due_before", "2026-03-12"}}, "America/New_York").due_before) ==
        "2026-03-12T04:00:00Z");
  CHECK_THAT(errors_of({{"due_before", "2026-02-30"}}).at("due_before"),
             Catch::Contains("RFC 3339"));
  CHECK(errors_of({{"due_after", "tomorrow"}}).count("due_after") == 1);
  CHECK(errors_of({{"due_after", "2026-03-12T09:00:00+25:00"}}).count("due_after") == 1);
  CHECK_THAT(errors_of({{"due_after", "0000-01-01"}}).at("due_after"),
             Catch::Contains("out of range 1900-9999"));
}

TEST_CASE("boolean filters take true or false and resolve against now", "[tasksvc][list]") {
  const ListQuery q = parse({{"overdue", "true"}, {"due_today", "false"}, {"recurring", "true"}});
  CHECK(q.overdue == std::optional<bool>(true));
  CHECK(q.due_today == std::optional<bool>(false));
  CHECK(q.recurring == std::optional<bool>(true));
  // 15:30Z is 16:30 in Berlin: today is 2026-03-10 local, 23:00Z to 23:00Z.
  CHECK(todo::time::format_rfc3339(q.today.start) == "2026-03-09T23:00:00Z");
  CHECK(todo::time::format_rfc3339(q.today.end) == "2026-03-10T23:00:00Z");
  for (const char* name : {"overdue", "due_today", "recurring"}) {
    CHECK_THAT(errors_of({{name, "yes"}}).at(name), Catch::Contains("true or false"));
  }
}

TEST_CASE("sort and order have per-sort defaults", "[tasksvc][list]") {
  CHECK(parse({{"sort", "due"}}).order == SortOrder::asc);
  CHECK(parse({{"sort", "priority"}}).order == SortOrder::desc);
  CHECK(parse({{"sort", "title"}}).order == SortOrder::asc);
  CHECK(parse({{"sort", "created"}}).order == SortOrder::desc);
  CHECK(parse({{"sort", "updated"}}).order == SortOrder::desc);
  CHECK(parse({{"sort", "relevance"}, {"q", "x"}}).order == SortOrder::desc);
  CHECK(parse({{"sort", "priority"}, {"order", "asc"}}).order == SortOrder::asc);
  CHECK_THAT(errors_of({{"sort", "colour"}}).at("sort"), Catch::Contains("due, priority, title"));
  CHECK_THAT(errors_of({{"sort", "relevance"}}).at("sort"), Catch::Contains("needs a search"));
  CHECK_THAT(errors_of({{"order", "up"}}).at("order"), Catch::Contains("asc, desc"));
}

TEST_CASE("limit is 1 to 200", "[tasksvc][list]") {
  CHECK(parse({{"limit", "1"}}).limit == 1);
  CHECK(parse({{"limit", "200"}}).limit == 200);
  for (const char* bad : {"0", "201", "-1", "ten", "1.5", "00000000000000000001", " 5"}) {
    CAPTURE(bad);
    CHECK_THAT(errors_of({{"limit", bad}}).at("limit"), Catch::Contains("1 to 200"));
  }
}

TEST_CASE("unknown parameters are named, and every problem is reported at once",
          "[tasksvc][list]") {
  const auto errors = errors_of({{"colour", "red"}, {"colour", "blue"}, {"limit", "0"}});
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors.at("colour"), Catch::Contains("'colour' is not a known query parameter"));
  CHECK(errors.count("limit") == 1);
}

TEST_CASE("empty values count as not given", "[tasksvc][list]") {
  const ListQuery q =
      parse({{"status", ""}, {"q", ""}, {"tag", ""}, {"limit", ""}, {"cursor", ""}});
  CHECK(q.status == StatusFilter::all);
  CHECK_FALSE(q.text);
  CHECK(q.tags.empty());
  CHECK(q.limit == 50);
  CHECK_FALSE(q.after);
}

TEST_CASE("a cursor is decoded for the sort and order it was made for", "[tasksvc][list]") {
  const ListCursor cursor{std::string("2026-03-12T08:00:00Z"),
                          "0f8fad5b-d9cb-469f-a165-70867728950e"};
  const std::string token = encode_cursor(SortKey::due, SortOrder::asc, cursor);
  const ListQuery q = parse({{"cursor", token}});
  REQUIRE(q.after);
  CHECK(q.after->key == cursor.key);
  CHECK(q.after->id == cursor.id);
  CHECK_THAT(errors_of({{"cursor", token}, {"order", "desc"}}).at("cursor"),
             Catch::Contains("different sort or order"));
  CHECK_THAT(errors_of({{"cursor", token}, {"sort", "title"}}).at("cursor"),
             Catch::Contains("different sort or order"));
  CHECK(errors_of({{"cursor", "not a cursor"}}).count("cursor") == 1);
}

TEST_CASE("quoted input in messages is always printable JSON", "[tasksvc][list]") {
  for (const httplib::Params& params :
       std::vector<httplib::Params>{{{"\xff\xfe", "1"}},
                                    {{"tag", "bad\xff"}},
                                    {{"priority", "\xc3"}},
                                    {{std::string(300, 'x'), "1"}}}) {
    try {
      parse(params);
      FAIL("expected a 400");
    } catch (const todo::errors::DomainError& thrown) {
      // dump() throws on invalid UTF-8.
      const std::string dumped = todo::http::problem_for(thrown).extra().dump();
      CHECK(dumped.size() < 1000);
    }
  }
  CHECK_THAT(errors_of({{"tag", "bad\xff"}}).at("tag"), Catch::Contains("(unprintable)"));
  CHECK(errors_of({{std::string(300, 'x'), "1"}}).count(std::string(64, 'x') + "...") == 1);
}
