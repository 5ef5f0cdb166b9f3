#include <stdexcept>

#include "store/list_query.hpp"
#include "store/pg_array.hpp"
#include "store/task_row.hpp"
#include "store/text_search.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {
namespace {

// Collects parameter values and hands out their placeholders, so a clause and its value are
// always added together and numbering cannot drift.
class Binder {
 public:
  std::string bind(std::optional<std::string> value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(params_.size());
  }
  std::string bind(time::Instant instant) {
    return bind(std::optional<std::string>(time::format_rfc3339(instant))) + "::timestamptz";
  }
  std::vector<std::optional<std::string>> take() { return std::move(params_); }

 private:
  std::vector<std::optional<std::string>> params_;
};

// What a sort orders by: an SQL expression over the row and the type its cursor key is cast to.
struct SortSpec {
  std::string expr;
  const char* type;
};

// Tasks without a due sort last in both directions: their key is +infinity ascending and
// -infinity descending. Unlike NULLS LAST, that keeps the keyset condition a plain row comparison,
// which the indexes tasks_user_due_asc / _desc serve at any page depth.
const char* undated_key(SortOrder order) {
  return order == SortOrder::asc ? "infinity" : "-infinity";
}

// Columns are qualified on purpose: in ORDER BY a bare name means the select list's column of
// that name first, and kTaskColumns re-defines id, created_at, ... as text and epoch seconds,
// which would sort without the indexes (and id as text).
SortSpec sort_spec(SortKey sort, SortOrder order, const std::string& rank_expr) {
  switch (sort) {
    case SortKey::due:
      return {std::string("coalesce(tasks.due_at, '") + undated_key(order) + "'::timestamptz)",
              "timestamptz"};
    case SortKey::priority:
      return {"tasks.priority", "smallint"};
    case SortKey::title:
      // Case-insensitive, whatever the database collation does with case.
      return {"lower(tasks.title)", "text"};
    case SortKey::created:
      return {"tasks.created_at", "timestamptz"};
    case SortKey::updated:
      return {"tasks.updated_at", "timestamptz"};
    case SortKey::relevance:
      return {rank_expr, "real"};
  }
  throw std::invalid_argument("unknown sort");
}

// Rows strictly after the cursor in the order (key <dir>, id <dir>).
std::string keyset_clause(const SortSpec& spec, SortKey sort, const ListCursor& after,
                          SortOrder order, Binder& binder) {
  std::optional<std::string> key = after.key;
  if (!key) {
    // The previous page ended among the undated tasks.
    if (sort != SortKey::due) throw std::invalid_argument("cursor without key for this sort");
    key = undated_key(order);
  }
  const char* cmp = order == SortOrder::asc ? " > " : " < ";
  const std::string id = binder.bind(after.id) + "::uuid";
  return "(" + spec.expr + ", tasks.id)" + cmp + "(" + binder.bind(key) + "::" + spec.type + ", " +
         id + ")";
}

}  // namespace

SqlQuery build_list_sql(const std::string& user_id, const ListQuery& q) {
  Binder binder;
  std::vector<std::string> where = {"user_id = " + binder.bind(user_id) + "::uuid"};

  if (q.status != StatusFilter::all) {
    where.push_back("status = " + binder.bind(std::string(
                                      q.status == StatusFilter::open ? "open" : "completed")));
  }
  if (!q.priorities.empty()) {
    std::vector<int> stored;
    for (const tasks::Priority p : q.priorities) stored.push_back(priority_to_db(p));
    where.push_back("priority = ANY(" + binder.bind(pg_int_array(stored)) + "::smallint[])");
  }
  if (!q.tags.empty()) {
    // && (overlap) and @> (contains) are the operators the GIN index on tags serves.
    const char* op = q.tag_mode == TagMode::any ? " && " : " @> ";
    where.push_back("tags" + std::string(op) + binder.bind(pg_text_array(q.tags)) + "::text[]");
  }

  std::string rank_expr = "0::real";
  if (q.text) {
    const std::string pattern = binder.bind(ilike_contains(*q.text));
    std::string match =
        "title ILIKE " + pattern + " ESCAPE '\\' OR description ILIKE " + pattern + " ESCAPE '\\'";
    if (const auto tsquery = prefix_tsquery(*q.text)) {
      const std::string query = "to_tsquery('simple', " + binder.bind(*tsquery) + ")";
      match = "search @@ " + query + " OR " + match;
      rank_expr = "ts_rank(search, " + query + ")";
    }
    where.push_back("(" + match + ")");
  }

  if (q.due_before) where.push_back("due_at < " + binder.bind(*q.due_before));
  if (q.due_after) where.push_back("due_at >= " + binder.bind(*q.due_after));
  if (q.overdue) {
    const std::string now = binder.bind(q.now);
    // Spelled out for false rather than NOT (...): NOT of a NULL due would drop undated tasks.
    where.push_back(*q.overdue ? "(status = 'open' AND due_at < " + now + ")"
                               : "(status <> 'open' OR due_at IS NULL OR due_at >= " + now + ")");
  }
  if (q.due_today) {
    const std::string start = binder.bind(q.today.start);
    const std::string end = binder.bind(q.today.end);
    where.push_back(*q.due_today
                        ? "(due_at >= " + start + " AND due_at < " + end + ")"
                        : "(due_at IS NULL OR due_at < " + start + " OR due_at >= " + end + ")");
  }
  if (q.recurring) where.emplace_back(*q.recurring ? "rrule IS NOT NULL" : "rrule IS NULL");

  if (q.sort == SortKey::relevance && !q.text) {
    throw std::invalid_argument("sort by relevance needs a search text");
  }
  const SortSpec spec = sort_spec(q.sort, q.order, rank_expr);
  if (q.after) where.push_back(keyset_clause(spec, q.sort, *q.after, q.order, binder));

  std::string sql = std::string("SELECT ") + kTaskColumns;
  // Title and rank keys are computed by PostgreSQL; the next cursor must carry their exact value.
  // The real rank is read as float8, which is exact for every real and prints enough digits to
  // read back as the same real whatever the session's extra_float_digits.
  if (q.sort == SortKey::title) sql += ", " + spec.expr + " AS sort_key";
  if (q.sort == SortKey::relevance) sql += ", (" + spec.expr + ")::float8 AS sort_key";
  sql += " FROM tasks WHERE ";
  for (std::size_t i = 0; i < where.size(); ++i) sql += (i > 0 ? " AND " : "") + where[i];
  const char* dir = q.order == SortOrder::asc ? " ASC" : " DESC";
  sql += " ORDER BY " + spec.expr + dir + ", tasks.id" + dir;
  sql += " LIMIT " + binder.bind(std::to_string(q.limit + 1)) + "::integer";
  return SqlQuery{std::move(sql), binder.take()};
}

}  // namespace todo::tasksvc
