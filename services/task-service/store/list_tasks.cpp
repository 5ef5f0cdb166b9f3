#include "db/prepared.hpp"
#include "ids/uuid.hpp"
#include "store/list_cursor.hpp"
#include "store/list_query.hpp"
#include "store/task_row.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {
namespace {

// The sort key of a returned row, in the form the next page's keyset clause binds.
std::optional<std::string> sort_key_of(SortKey sort, const tasks::Task& task,
                                       const pqxx::row& row) {
  switch (sort) {
    case SortKey::due:
      if (!task.due_at) return std::nullopt;
      return time::format_rfc3339(*task.due_at);
    case SortKey::priority:
      return std::to_string(priority_to_db(task.priority));
    case SortKey::created:
      return time::format_rfc3339(task.created_at);
    case SortKey::updated:
      return time::format_rfc3339(task.updated_at);
    case SortKey::title:
    case SortKey::relevance:
      // PostgreSQL's own text for lower(title) and for the rank, so the next page compares with
      // exactly the value this row had.
      return row["sort_key"].as<std::string>();
  }
  return std::nullopt;
}

}  // namespace

TaskPage list_tasks(pqxx::transaction_base& tx, const std::string& user_id, const ListQuery& q) {
  // Like the single-task lookups: a malformed id owns nothing, rather than failing in SQL.
  if (!ids::is_uuid(user_id)) return {};
  const SqlQuery query = build_list_sql(user_id, q);
  // libpq takes NULL as a null pointer; the optionals own the strings for the call's duration.
  std::vector<const char*> values;
  values.reserve(query.params.size());
  for (const auto& param : query.params) values.push_back(param ? param->c_str() : nullptr);
  const pqxx::result rows =
      exec_prepared_sql(tx, query.sql, pqxx::prepare::make_dynamic_params(values));

  TaskPage page;
  const auto limit = static_cast<std::size_t>(q.limit);
  page.items.reserve(std::min<std::size_t>(rows.size(), limit));
  for (std::size_t i = 0; i < rows.size() && i < limit; ++i) {
    page.items.push_back(task_from_row(rows[static_cast<pqxx::result::size_type>(i)]));
  }
  // One row more than the page holds means there is a next page; it starts after the last item.
  if (rows.size() > limit) {
    const tasks::Task& last = page.items.back();
    const ListCursor cursor{
        sort_key_of(q.sort, last, rows[static_cast<pqxx::result::size_type>(limit - 1)]), last.id};
    page.next_cursor = encode_cursor(q.sort, q.order, cursor);
  }
  return page;
}

}  // namespace todo::tasksvc
