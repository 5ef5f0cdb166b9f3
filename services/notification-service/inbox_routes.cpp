#include "inbox_routes.hpp"

#include <algorithm>
#include <map>

#include "auth/authenticate.hpp"
#include "delivery_ledger.hpp"
#include "http/problem.hpp"
#include "tasks/snooze.hpp"
#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

int read_limit(const httplib::Request& req) {
  if (!req.has_param("limit")) return kDefaultLimit;
  const std::string text = req.get_param_value("limit");
  int value = 0;
  const bool digits = !text.empty() && text.size() <= 4 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) value = std::stoi(text);
  if (!digits || value < 1 || value > kMaxLimit) {
    throw http::ProblemError(
        400, "Bad request", "limit must be an integer from 1 to 200",
        {{"errors",
          {{{"field", "limit"}, {"message", "limit must be an integer from 1 to 200"}}}}});
  }
  return value;
}

bool read_unread_only(const httplib::Request& req) {
  if (!req.has_param("unread")) return false;
  const auto v = req.get_param_value("unread");
  if (v == "true") return true;
  if (v == "false") return false;
  throw http::ProblemError(
      400, "Bad request", "unread must be true or false",
      {{"errors", {{{"field", "unread"}, {"message", "must be true or false"}}}}});
}

// Fills each item's channels with the delivery records' live statuses (one record per item).
void add_statuses(dapr::StateStore& store, std::vector<InboxItem>& items) {
  std::vector<std::string> keys;
  for (const auto& item : items) {
    const nlohmann::json channels = item.value("channels", nlohmann::json::object());
    for (const auto& channel : channels.items()) {
      if (channel.value() == "pending") {
        keys.push_back(delivery_key(item["id"]));
        break;
      }
    }
  }
  std::map<std::string, DeliveryRecord> record_of;
  for (const auto& [key, stored] : store.get_many(keys)) {
    record_of[key] = record_from_json(stored.value);
  }
  for (auto& item : items) {
    auto record = record_of.find(delivery_key(item["id"]));
    if (record == record_of.end()) continue;
    for (auto& channel : item["channels"].items()) {
      auto part = record->second.channels.find(channel.key());
      if (part != record->second.channels.end()) channel.value() = to_string(part->second.status);
    }
  }
}

[[noreturn]] void not_found() {
  throw http::ProblemError(404, "Not found", "no such notification");
}

}  // namespace

void install_inbox_routes(http::Server& server, dapr::StateStore& store,
                          const auth::TokenIssuer& tokens, SnoozeCommandSender send_snooze) {
  // Held by the route closures for the server's lifetime.
  auto inbox = std::make_shared<Inbox>(store);
  auto profiles = std::make_shared<ProfileProjection>(store);
  const std::string item_path = R"(/api/v1/notifications/([A-Za-z0-9:._-]{1,200}))";

  server.get("/api/v1/notifications", [&store, &tokens, inbox](const httplib::Request& req,
                                                               httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const int limit = read_limit(req);
    const bool unread_only = read_unread_only(req);
    std::vector<InboxItem> page;
    int unread = 0;
    for (auto& item : inbox->list(user_id)) {
      const bool is_unread = !item.value("read", false) && !item.value("dismissed", false);
      if (is_unread) ++unread;
      if (unread_only && !is_unread) continue;
      if (static_cast<int>(page.size()) < limit) page.push_back(std::move(item));
    }
    add_statuses(store, page);
    http::send_json(res, 200, {{"items", page}, {"unread", unread}});
  });

  auto mark = [&store, &tokens, inbox](std::function<void(InboxItem&)> change) {
    return [&store, &tokens, inbox, change = std::move(change)](const httplib::Request& req,
                                                                httplib::Response& res) {
      const auto user_id = auth::require_user(req, res, tokens);
      auto item = inbox->update(user_id, req.matches[1], change);
      if (!item) not_found();
      std::vector<InboxItem> one{*item};
      add_statuses(store, one);
      http::send_json(res, 200, one[0]);
    };
  };
  server.post(item_path + "/read", mark([](InboxItem& i) { i["read"] = true; }));
  server.post(item_path + "/dismiss", mark([](InboxItem& i) {
                i["read"] = true;
                i["dismissed"] = true;
              }));

  server.post("/api/v1/notifications/read-all",
              [&tokens, inbox](const httplib::Request& req, httplib::Response& res) {
                const auto user_id = auth::require_user(req, res, tokens);
                int changed = 0;
                for (const auto& item : inbox->list(user_id)) {
                  if (item.value("read", false)) continue;
                  if (inbox->update(user_id, item["id"], [](InboxItem& i) { i["read"] = true; }))
                    ++changed;
                }
                http::send_json(res, 200, {{"marked_read", changed}});
              });

  server.post(item_path + "/snooze", [&store, &tokens, inbox, profiles,
                                      send_snooze = std::move(send_snooze)](
                                         const httplib::Request& req, httplib::Response& res) {
    const auto user_id = auth::require_user(req, res, tokens);
    const auto body = http::parse_json_object(req);
    const std::string id = req.matches[1];
    const auto items = inbox->list(user_id);
    const auto found = std::find_if(items.begin(), items.end(),
                                    [&](const InboxItem& i) { return i.value("id", "") == id; });
    if (found == items.end()) not_found();
    const auto profile = profiles->get(user_id);
    const std::string zone = profile ? profile->time_zone : "UTC";
    const auto now = time::instant_now();
    const auto until = tasks::parse_snooze(body, zone, now);  // 422 names the field
    const events::SnoozeTask command{user_id, found->value("task_id", ""), until, id};
    send_snooze(command);  // the scheduler brings the reminder back like any other
    auto item = inbox->update(user_id, id, [&](InboxItem& i) {
      i["read"] = true;
      i["snoozed_until"] = time::format_rfc3339(command.until);
    });
    if (!item) not_found();
    std::vector<InboxItem> one{*item};
    add_statuses(store, one);
    http::send_json(res, 200, one[0]);
  });
}

}  // namespace todo::notify
