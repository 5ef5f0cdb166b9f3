#include "api/task_routes.hpp"

#include "api/quick_add.hpp"
#include "api/recurrence_preview.hpp"
#include "api/request_helpers.hpp"
#include "auth/authenticate.hpp"
#include "http/problem.hpp"
#include "store/list_query.hpp"
#include "store/task_sql.hpp"
#include "tasks/task_json_writer.hpp"

namespace todo::tasksvc {
namespace {

void send_task(httplib::Response& res, int status, const tasks::Task& task) {
  res.set_header("ETag", etag_for(task.version));
  res.status = status;
  std::string body;
  tasks::append_task_json(body, task);
  res.set_content(body, "application/json");
}

std::string zone_of(UserStore& users, const std::string& user_id) {
  auto zone = users.time_zone_of(user_id);
  // A valid token for a deleted account: the account is gone, so is the session.
  if (!zone) throw http::ProblemError(401, "Unauthorized", "the account no longer exists");
  return *zone;
}

}  // namespace

void install_task_routes(http::Server& server, TaskOperations& ops, Pool& pool, UserStore& users,
                         const auth::TokenIssuer& tokens) {
  const std::string task_path = R"(/api/v1/tasks/([^/]+))";

  server.post("/api/v1/tasks", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const auto body = http::parse_json_object(req);
    const auto task = ops.create(user_id, zone_of(users, user_id), body);
    res.set_header("Location", "/api/v1/tasks/" + task.id);
    send_task(res, 201, task);
  });

  server.get("/api/v1/tasks", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const auto query = parse_list_query(req.params, zone_of(users, user_id), time::instant_now());
    const auto page = pool.with([&](pqxx::connection& c) {
      pqxx::nontransaction tx(c);  // one SELECT: no BEGIN/COMMIT round trips
      return list_tasks(tx, user_id, query);
    });
    res.status = 200;
    res.set_content(tasks::task_page_json(page.items, page.next_cursor), "application/json");
  });

  server.get(task_path, [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    send_task(res, 200, ops.get(user_id, path_part(req, 1)));
  });

  server.patch(task_path, [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const auto body = http::parse_json_object(req);
    send_task(res, 200, ops.update(user_id, path_part(req, 1), body, if_match_version(req)));
  });

  server.del(task_path, [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    ops.remove(user_id, path_part(req, 1), if_match_version(req));
    res.status = 204;
  });

  server.post(task_path + "/complete", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    send_task(res, 200, ops.complete(user_id, path_part(req, 1), if_match_version(req)));
  });

  server.post(task_path + "/snooze", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const auto body = http::parse_json_object(req);
    send_task(res, 200, ops.snooze(user_id, path_part(req, 1), body));
  });

  server.post(task_path + "/reopen", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    send_task(res, 200, ops.reopen(user_id, path_part(req, 1), if_match_version(req)));
  });

  server.get(task_path + "/history", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const auto id = path_part(req, 1);
    ops.get(user_id, id);  // 404 for a task that is not the caller's
    const auto history = pool.with([&](pqxx::connection& c) {
      pqxx::nontransaction tx(c);  // one SELECT: no BEGIN/COMMIT round trips
      return task_history(tx, user_id, id);
    });
    http::send_json(res, 200, {{"items", history}});
  });

  server.get("/api/v1/tags", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const int limit = tag_list_limit(req);
    auto counts = pool.with([&](pqxx::connection& c) {
      pqxx::nontransaction tx(c);                 // one SELECT: no BEGIN/COMMIT round trips
      return tag_counts(tx, user_id, limit + 1);  // one more tells whether there are more
    });
    const bool has_more = counts.size() > static_cast<std::size_t>(limit);
    if (has_more) counts.pop_back();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& tc : counts) items.push_back(to_json(tc));
    http::send_json(res, 200, {{"items", items}, {"has_more", has_more}});
  });

  server.post(
      "/api/v1/recurrence/preview", [&](const httplib::Request& req, httplib::Response& res) {
        const auto user_id = auth::require_user(req, res, tokens);
        const auto body = http::parse_json_object(req);
        http::send_json(res, 200, preview(parse_preview_request(body, zone_of(users, user_id))));
      });

  // Reads one line of text as a task; creates nothing (see api/quick_add.hpp).
  server.post("/api/v1/quick-add", [&](const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const auto body = http::parse_json_object(req);
    const auto request = parse_quick_add_request(body, zone_of(users, user_id));
    http::send_json(res, 200, quick_add(request, time::instant_now()));
  });
}

}  // namespace todo::tasksvc
