#pragma once
// GET /api/v1/tasks: the list's query parameters, the SQL they become, and its execution.
//
// Parameters (all optional; an empty value counts as not given, as HTML forms send them):
//   status     open | completed | all (default all)
//   priority   low, medium, high, urgent; repeatable and/or comma-separated; any of them
//   tag        repeatable and/or comma-separated, normalized like task tags (up to 20)
//   tag_mode   any (default: a task with at least one of the tags) | all (every tag)
//   q          text search over title and description, at most 200 characters; words match as
//              prefixes ("groc" finds "Groceries"), and the phrase also matches as a substring
//   due_before due_at <  this; due_after due_at >= this (half-open, so adjacent windows do not
//              overlap). An RFC 3339 instant, or a local date / date-time in the user's zone
//              (a date means its local midnight: due_after=D&due_before=D+1 is the day D).
//   overdue    true: open and due_at < now; false: everything else
//   due_today  true: due_at within the user's local today; false: everything else
//   recurring  true: has a recurrence; false: has none
//   sort       due | priority | title | created | updated | relevance
//              (default relevance when q is given, else due; relevance needs q)
//   order      asc | desc; default per sort: due asc, priority desc (urgent first), title asc,
//              created desc, updated desc, relevance desc
//   limit      1-200 (default 50)
//   cursor     next_cursor of the previous page, with the same sort and order
// Tasks without a due never match due filters and sort last in both directions. Every sort ends
// with the task id, so pages are stable: a page continues exactly after the previous page's last
// row (keyset pagination), with no duplicates or gaps even when tasks are added meanwhile.
#include <httplib.h>

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "tasks/priority.hpp"
#include "tasks/task.hpp"
#include "time/instant.hpp"
#include "time/time_zone.hpp"

namespace todo::tasksvc {

constexpr int kDefaultListLimit = 50;
constexpr int kMaxListLimit = 200;
constexpr std::size_t kMaxSearchLength = 200;  // code points

enum class StatusFilter { all, open, completed };
enum class TagMode { any, all };
enum class SortKey { due, priority, title, created, updated, relevance };
enum class SortOrder { asc, desc };

// Where the previous page ended: its last row's sort key, as text ready for a typed parameter
// (RFC 3339 for instants, "0".."3" for priority, the lower-cased title, the rank), and its id.
// The key is null only for the due sort, when that row has no due.
struct ListCursor {
  std::optional<std::string> key;
  std::string id;
};

struct ListQuery {
  StatusFilter status = StatusFilter::all;
  std::vector<tasks::Priority> priorities;  // any of these; empty = no priority filter
  std::vector<std::string> tags;            // normalized, distinct; empty = no tag filter
  TagMode tag_mode = TagMode::any;
  std::optional<std::string> text;  // q, trimmed, non-empty
  std::optional<time::Instant> due_before;
  std::optional<time::Instant> due_after;
  std::optional<bool> overdue;
  std::optional<bool> due_today;
  std::optional<bool> recurring;
  time::Instant now{};      // what "overdue" compares with
  time::DayBounds today{};  // the user's local today, for "due_today"
  SortKey sort = SortKey::due;
  SortOrder order = SortOrder::asc;
  int limit = kDefaultListLimit;
  std::optional<ListCursor> after;  // the decoded cursor
};

// The order a sort uses when none is asked for.
SortOrder default_order(SortKey sort);

// Reads the parameters above. Any problem throws errors::InvalidQuery (the API answers 400
// "Invalid query parameter") listing every problem as {"<parameter>", "message"}: unknown
// parameters, a single-valued parameter given twice, bad values (the message names the allowed
// ones), and a malformed cursor or one made for another sort or order (field "cursor"). `now` and
// the user's zone resolve overdue, due_today and local due_before / due_after.
ListQuery parse_list_query(const httplib::Params& params, const std::string& user_time_zone,
                           time::Instant now);

// SQL with $1.. placeholders and their values (nullopt = NULL); no user input is ever part of the
// SQL text. $1 is the user id: every query is scoped to it. The statement selects limit + 1 rows,
// so the caller sees whether there is a next page.
struct SqlQuery {
  std::string sql;
  std::vector<std::optional<std::string>> params;
};
SqlQuery build_list_sql(const std::string& user_id, const ListQuery& q);

struct TaskPage {
  std::vector<tasks::Task> items;
  std::optional<std::string> next_cursor;  // absent on the last page
};

// Runs build_list_sql. A user_id that is not a UUID owns nothing: an empty page.
TaskPage list_tasks(pqxx::transaction_base& tx, const std::string& user_id, const ListQuery& q);

}  // namespace todo::tasksvc
