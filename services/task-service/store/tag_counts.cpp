#include "ids/uuid.hpp"
#include "store/task_sql.hpp"

namespace todo::tasksvc {

std::vector<TagCount> tag_counts(pqxx::transaction_base& tx, const std::string& user_id,
                                 int limit) {
  std::vector<TagCount> out;
  if (!ids::is_uuid(user_id)) return out;
  // One pass over the user's tasks; the open count is a FILTER on the same group, so it is free.
  // COLLATE "C": tags are normalized, so byte order is a stable, locale-independent tie-break.
  const pqxx::result rows = tx.exec_params(
      "SELECT tag, count(*) AS total, count(*) FILTER (WHERE status = 'open') AS open "
      "FROM tasks CROSS JOIN LATERAL unnest(tags) AS tag "
      "WHERE user_id = $1::uuid "
      "GROUP BY tag ORDER BY total DESC, tag COLLATE \"C\" ASC LIMIT $2",
      user_id, limit);
  out.reserve(rows.size());
  for (const pqxx::row& row : rows) {
    out.push_back({row["tag"].as<std::string>(), row["total"].as<int>(), row["open"].as<int>()});
  }
  return out;
}

nlohmann::json to_json(const TagCount& tag_count) {
  return {{"tag", tag_count.tag}, {"count", tag_count.count}, {"open_count", tag_count.open_count}};
}

}  // namespace todo::tasksvc
