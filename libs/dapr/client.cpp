#include "dapr/client.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <thread>

#include "json/bounded_parse.hpp"
#include "log/log.hpp"

namespace todo::dapr {
namespace {

bool is_transient_status(int status) {
  return status == 0 || status >= 500 || status == 429;
}

std::string error_code_of(const std::string& body) {
  auto j = todo::json::parse(body);
  if (j.is_object() && j.contains("errorCode") && j["errorCode"].is_string())
    return j["errorCode"].get<std::string>();
  return "";
}

std::string describe(const std::string& what, int status, const std::string& body) {
  std::string msg = what + " failed: ";
  msg += status == 0 ? "no answer from the sidecar" : "HTTP " + std::to_string(status);
  if (!body.empty()) msg += ": " + body.substr(0, 300);
  return msg;
}

nlohmann::json state_write_json(const StateWrite& w) {
  nlohmann::json item = {{"key", w.key}, {"value", w.value}};
  if (w.etag) item["etag"] = *w.etag;
  if (!w.metadata.empty()) item["metadata"] = w.metadata;
  item["options"] = {{"concurrency", w.first_write || w.etag ? "first-write" : "last-write"},
                     {"consistency", "strong"}};
  return item;
}

}  // namespace

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Client::Client(ClientOptions options) : options_(std::move(options)) {}
Client::~Client() = default;

std::unique_ptr<httplib::Client> Client::acquire() {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      auto c = std::move(pool_.back());
      pool_.pop_back();
      return c;
    }
  }
  auto c = std::make_unique<httplib::Client>(options_.host, options_.http_port);
  const auto t = options_.timeout;
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(t);
  const auto usecs = std::chrono::duration_cast<std::chrono::microseconds>(t - secs);
  c->set_connection_timeout(1, 0);
  c->set_read_timeout(secs.count(), usecs.count());
  c->set_write_timeout(secs.count(), usecs.count());
  c->set_keep_alive(true);
  c->set_tcp_nodelay(true);  // see libs/http/server.cpp: no 40 ms Nagle stalls per call
  return c;
}

void Client::release(std::unique_ptr<httplib::Client> c) {
  std::lock_guard<std::mutex> lock(pool_mu_);
  if (pool_.size() < 32) pool_.push_back(std::move(c));
}

Client::Response Client::send(const std::string& method, const std::string& path,
                              const std::string& body, const std::string& content_type, bool retry,
                              const std::map<std::string, std::string>& extra_headers) {
  const int attempts = retry ? std::max(1, options_.max_attempts) : 1;
  auto backoff = options_.first_backoff;
  Response out;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    httplib::Headers headers;
    if (!options_.api_token.empty()) headers.emplace("dapr-api-token", options_.api_token);
    for (const auto& [k, v] : extra_headers) headers.emplace(k, v);
    if (!log::trace_id().empty()) {
      // Continue the caller's trace so the logs of every hop share one id.
      headers.emplace("traceparent", "00-" + log::trace_id() + "-0000000000000001-01");
    }
    auto client = acquire();
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.headers = headers;
    req.body = body;
    if (!body.empty() || method == "POST" || method == "PUT")
      req.set_header("Content-Type", content_type);
    auto result = client->send(req);
    if (result) {
      out.status = result->status;
      out.body = result->body;
      out.headers.clear();
      for (const auto& [k, v] : result->headers) {
        std::string lower = k;
        for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        out.headers[lower] = v;
      }
      release(std::move(client));
    } else {
      out = Response{};
      out.body = httplib::to_string(result.error());
    }
    if (!is_transient_status(out.status) || attempt == attempts) break;
    spdlog::debug("dapr {} {} attempt {} failed ({}), retrying in {} ms", method, path, attempt,
                  out.status, backoff.count());
    std::this_thread::sleep_for(backoff);  // backoff between retries, not a wait for a condition
    backoff *= 2;
  }
  return out;
}

void Client::publish(const std::string& pubsub, const std::string& topic,
                     const nlohmann::json& data, const PublishOptions& opts) {
  std::string path = "/v1.0/publish/" + url_encode(pubsub) + "/" + url_encode(topic);
  if (!opts.partition_key.empty())
    path += "?metadata.partitionKey=" + url_encode(opts.partition_key);
  const std::string type =
      opts.raw_cloud_event ? "application/cloudevents+json" : "application/json";
  auto r = send("POST", path, data.dump(), type, /*retry=*/true);
  if (r.status / 100 != 2) {
    throw DaprError(describe("publish to " + topic, r.status, r.body), r.status,
                    error_code_of(r.body), is_transient_status(r.status));
  }
}

std::vector<std::string> Client::bulk_publish(const std::string& pubsub, const std::string& topic,
                                              const std::vector<BulkEntry>& entries,
                                              const std::string& partition_key) {
  nlohmann::json body = nlohmann::json::array();
  for (const auto& e : entries) {
    nlohmann::json entry = {{"entryId", e.entry_id},
                            {"event", e.event},
                            {"contentType", "application/cloudevents+json"}};
    if (!e.metadata.empty()) entry["metadata"] = e.metadata;
    body.push_back(std::move(entry));
  }
  std::string path = "/v1.0-alpha1/publish/bulk/" + url_encode(pubsub) + "/" + url_encode(topic);
  if (!partition_key.empty()) path += "?metadata.partitionKey=" + url_encode(partition_key);
  auto r = send("POST", path, body.dump(), "application/json", /*retry=*/true);
  if (r.status / 100 == 2) return {};
  auto j = todo::json::parse(r.body);
  if (j.is_object() && j.contains("failedEntries") && j["failedEntries"].is_array()) {
    std::vector<std::string> failed;
    for (const auto& f : j["failedEntries"]) failed.push_back(f.value("entryId", ""));
    if (!failed.empty() && failed.size() < entries.size()) return failed;
  }
  throw DaprError(describe("bulk publish to " + topic, r.status, r.body), r.status,
                  error_code_of(r.body), is_transient_status(r.status));
}

std::optional<StateItem> Client::get_state(const std::string& store, const std::string& key) {
  auto r = send("GET",
                "/v1.0/state/" + url_encode(store) + "/" + url_encode(key) + "?consistency=strong",
                "", "", /*retry=*/true);
  if (r.status == 204 || (r.status == 200 && r.body.empty())) return std::nullopt;
  if (r.status != 200) {
    throw DaprError(describe("get state " + key, r.status, r.body), r.status, error_code_of(r.body),
                    is_transient_status(r.status));
  }
  StateItem item;
  item.key = key;
  item.value = todo::json::parse(r.body);
  if (item.value.is_discarded()) item.value = r.body;  // stored as a plain string
  auto etag = r.headers.find("etag");
  if (etag != r.headers.end()) item.etag = etag->second;
  return item;
}

std::vector<StateItem> Client::get_bulk_state(const std::string& store,
                                              const std::vector<std::string>& keys) {
  nlohmann::json body = {{"keys", keys}, {"parallelism", 10}};
  auto r = send("POST", "/v1.0/state/" + url_encode(store) + "/bulk", body.dump(),
                "application/json", /*retry=*/true);
  if (r.status != 200) {
    throw DaprError(describe("bulk get state", r.status, r.body), r.status, error_code_of(r.body),
                    is_transient_status(r.status));
  }
  std::vector<StateItem> out;
  auto j = todo::json::parse(r.body);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (!e.contains("data")) continue;  // missing keys come back without data
    out.push_back({e.value("key", ""), e["data"], e.value("etag", "")});
  }
  return out;
}

void Client::save_state(const std::string& store, const std::vector<StateWrite>& items) {
  nlohmann::json body = nlohmann::json::array();
  bool conditional = false;
  for (const auto& w : items) {
    body.push_back(state_write_json(w));
    conditional = conditional || w.etag || w.first_write;
  }
  // A conditional save is not retried blindly: a retry after a lost answer would report a
  // conflict with our own earlier write.
  auto r = send("POST", "/v1.0/state/" + url_encode(store), body.dump(), "application/json",
                /*retry=*/!conditional);
  if (r.status == 409) throw EtagMismatch("state save: ETag mismatch");
  if (r.status / 100 != 2) {
    throw DaprError(describe("save state", r.status, r.body), r.status, error_code_of(r.body),
                    is_transient_status(r.status));
  }
}

void Client::delete_state(const std::string& store, const std::string& key,
                          const std::optional<std::string>& etag) {
  std::map<std::string, std::string> headers;
  if (etag) headers["If-Match"] = *etag;
  auto r = send("DELETE", "/v1.0/state/" + url_encode(store) + "/" + url_encode(key), "", "",
                /*retry=*/!etag, headers);
  if (r.status == 409) throw EtagMismatch("state delete: ETag mismatch");
  if (r.status / 100 != 2) {
    throw DaprError(describe("delete state " + key, r.status, r.body), r.status,
                    error_code_of(r.body), is_transient_status(r.status));
  }
}

void Client::transact_state(const std::string& store, const std::vector<StateOperation>& ops) {
  nlohmann::json operations = nlohmann::json::array();
  for (const auto& op : ops) {
    nlohmann::json request = state_write_json(op.request);
    if (op.kind == StateOperation::Kind::remove) request.erase("value");
    operations.push_back(
        {{"operation", op.kind == StateOperation::Kind::upsert ? "upsert" : "delete"},
         {"request", request}});
  }
  nlohmann::json body = {{"operations", operations}};
  auto r = send("POST", "/v1.0/state/" + url_encode(store) + "/transaction", body.dump(),
                "application/json", /*retry=*/false);
  if (r.status / 100 != 2) {
    // Dapr answers 500 ERR_STATE_TRANSACTION for every failure, ETag mismatches included;
    // the message text is the only way to tell them apart.
    if (r.body.find("etag") != std::string::npos || r.body.find("ETag") != std::string::npos)
      throw EtagMismatch("state transaction: " + r.body.substr(0, 200));
    throw DaprError(describe("state transaction", r.status, r.body), r.status,
                    error_code_of(r.body), is_transient_status(r.status));
  }
}

std::map<std::string, std::string> Client::get_secret(const std::string& store,
                                                      const std::string& key) {
  auto r = send("GET", "/v1.0/secrets/" + url_encode(store) + "/" + url_encode(key), "", "",
                /*retry=*/true);
  if (r.status != 200) {
    throw DaprError(describe("get secret " + key, r.status, r.body), r.status,
                    error_code_of(r.body), is_transient_status(r.status));
  }
  std::map<std::string, std::string> out;
  auto j = todo::json::parse(r.body);
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
  }
  return out;
}

std::string Client::invoke_binding(const std::string& name, const std::string& operation,
                                   const nlohmann::json& data,
                                   const std::map<std::string, std::string>& metadata) {
  nlohmann::json body = {{"operation", operation}, {"data", data}};
  if (!metadata.empty()) body["metadata"] = metadata;
  auto r = send("POST", "/v1.0/bindings/" + url_encode(name), body.dump(), "application/json",
                /*retry=*/false);
  if (r.status / 100 != 2) {
    throw DaprError(describe("binding " + name, r.status, r.body), r.status, error_code_of(r.body),
                    is_transient_status(r.status));
  }
  return r.body;
}

InvokeResult Client::invoke(const std::string& app_id, const std::string& method_path,
                            const std::string& http_method, const std::string& body,
                            const std::string& content_type,
                            const std::map<std::string, std::string>& headers) {
  const std::string path = "/v1.0/invoke/" + url_encode(app_id) + "/method/" +
                           (method_path.rfind('/', 0) == 0 ? method_path.substr(1) : method_path);
  // Only reads are repeated: a repeated write could apply twice.
  const bool idempotent = http_method == "GET" || http_method == "HEAD";
  auto r = send(http_method, path, body, content_type, idempotent, headers);
  if (r.status == 0) {
    throw DaprError(describe("invoke " + app_id, 0, r.body), 0, "", true);
  }
  InvokeResult out;
  out.status = r.status;
  out.body = std::move(r.body);
  auto ct = r.headers.find("content-type");
  if (ct != r.headers.end()) out.content_type = ct->second;
  out.headers = std::move(r.headers);
  return out;
}

bool Client::sidecar_healthy() {
  auto r = send("GET", "/v1.0/healthz", "", "", /*retry=*/false);
  return r.status / 100 == 2;
}

bool Client::wait_for_outbound(std::chrono::milliseconds deadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    if (send("GET", "/v1.0/healthz/outbound", "", "", /*retry=*/false).status / 100 == 2)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // polling interval
  }
  return false;
}

}  // namespace todo::dapr
