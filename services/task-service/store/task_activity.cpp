#include "ids/uuid.hpp"
#include "json/bounded_parse.hpp"
#include "store/task_sql.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {

void add_activity(pqxx::work& tx, const std::string& task_id, const std::string& user_id,
                  const std::string& action, const nlohmann::json& changes) {
  tx.exec_params(
      "INSERT INTO task_activity (task_id, user_id, action, changes) "
      "VALUES ($1::uuid, $2::uuid, $3, $4::jsonb)",
      task_id, user_id, action, changes.dump());
}

nlohmann::json task_history(pqxx::transaction_base& tx, const std::string& user_id,
                            const std::string& task_id) {
  nlohmann::json out = nlohmann::json::array();
  if (!ids::is_uuid(task_id) || !ids::is_uuid(user_id)) return out;
  // Ordered by id, not at: entries of one transaction share its timestamp.
  const pqxx::result rows = tx.exec_params(
      "SELECT action, changes::text AS changes, floor(extract(epoch FROM at))::bigint AS at "
      "FROM task_activity WHERE task_id = $1::uuid AND user_id = $2::uuid ORDER BY id",
      task_id, user_id);
  for (const pqxx::row& row : rows) {
    out.push_back({
        {"action", row["action"].as<std::string>()},
        {"changes",
         todo::json::parse_or_throw(row["changes"].as<std::string>(), "an activity row")},
        {"at",
         time::format_rfc3339(time::Instant{std::chrono::seconds{row["at"].as<long long>()}})},
    });
  }
  return out;
}

}  // namespace todo::tasksvc
