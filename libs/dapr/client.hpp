#pragma once
// A client of the Dapr sidecar's HTTP API (v1.0): pub/sub, state, secrets, bindings and
// service invocation. Every call has a timeout; calls that are safe to repeat are retried
// with backoff on transient failures (connection errors, 5xx); failures throw DaprError.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "http/dependency_error.hpp"

namespace httplib {
class Client;
}

namespace todo::dapr {

struct ClientOptions {
  std::string host = "127.0.0.1";
  int http_port = 3500;
  std::string api_token;  // DAPR_API_TOKEN, sent as dapr-api-token
  std::chrono::milliseconds timeout{5000};
  int max_attempts = 3;  // for calls that are safe to repeat
  std::chrono::milliseconds first_backoff{100};
};

// transient(): the sidecar could not be reached or answered 5xx / 429 (a request handler that
// lets it escape answers 503, libs/http/dependency_error.hpp).
class DaprError : public http::DependencyError {
 public:
  DaprError(const std::string& what, int status, std::string error_code, bool transient)
      : http::DependencyError(what, transient),
        status_(status),
        error_code_(std::move(error_code)) {}
  int status() const { return status_; }  // 0 when the sidecar could not be reached
  const std::string& error_code() const { return error_code_; }

 private:
  int status_;
  std::string error_code_;
};

// A save or delete whose ETag no longer matches (HTTP 409 from the sidecar).
class EtagMismatch : public DaprError {
 public:
  explicit EtagMismatch(const std::string& what) : DaprError(what, 409, "ERR_STATE_SAVE", false) {}
};

struct StateItem {
  std::string key;
  nlohmann::json value;
  std::string etag;
};

struct StateWrite {
  std::string key;
  nlohmann::json value;
  std::optional<std::string> etag;              // set: only if unchanged; unset: last write wins
  bool first_write = false;                     // concurrency "first-write"
  std::map<std::string, std::string> metadata;  // e.g. ttlInSeconds
};

struct StateOperation {
  enum class Kind { upsert, remove } kind = Kind::upsert;
  StateWrite request;
};

struct PublishOptions {
  std::string partition_key;  // Kafka message key (keeps one user's events ordered)
  // When true, `data` is a complete CloudEvent (id, source, type, ...) that Dapr sends as is.
  bool raw_cloud_event = false;
};

struct BulkEntry {
  std::string entry_id;
  nlohmann::json event;  // a complete CloudEvent
  std::map<std::string, std::string> metadata;
};

struct InvokeResult {
  int status = 0;
  std::string body;
  std::string content_type;
  std::map<std::string, std::string> headers;  // lower-case names
};

class Client {
 public:
  explicit Client(ClientOptions options);
  ~Client();

  // Pub/sub.
  void publish(const std::string& pubsub, const std::string& topic, const nlohmann::json& data,
               const PublishOptions& options = {});
  // Returns the entry ids that failed (empty when all were accepted).
  std::vector<std::string> bulk_publish(const std::string& pubsub, const std::string& topic,
                                        const std::vector<BulkEntry>& entries,
                                        const std::string& partition_key = "");

  // State.
  std::optional<StateItem> get_state(const std::string& store, const std::string& key);
  std::vector<StateItem> get_bulk_state(const std::string& store,
                                        const std::vector<std::string>& keys);
  void save_state(const std::string& store, const std::vector<StateWrite>& items);
  void delete_state(const std::string& store, const std::string& key,
                    const std::optional<std::string>& etag = std::nullopt);
  void transact_state(const std::string& store, const std::vector<StateOperation>& ops);

  // Secrets: the key's values (a secret may hold several named values).
  std::map<std::string, std::string> get_secret(const std::string& store, const std::string& key);

  // Output bindings: returns the binding's answer body (may be empty).
  std::string invoke_binding(const std::string& name, const std::string& operation,
                             const nlohmann::json& data,
                             const std::map<std::string, std::string>& metadata = {});

  // Service invocation: forwards an HTTP call to another app through the sidecar.
  InvokeResult invoke(const std::string& app_id, const std::string& method_path,
                      const std::string& http_method, const std::string& body = "",
                      const std::string& content_type = "application/json",
                      const std::map<std::string, std::string>& headers = {});

  // True when the sidecar answers its health endpoint with 2xx.
  bool sidecar_healthy();
  // Polls until the sidecar can serve this app's outbound calls (secrets, state, publish):
  // true before the app listens, so a service can read its secrets during start-up.
  bool wait_for_outbound(std::chrono::milliseconds deadline);

  const ClientOptions& options() const { return options_; }

 private:
  struct Response {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
  };
  Response send(const std::string& method, const std::string& path, const std::string& body,
                const std::string& content_type, bool retry,
                const std::map<std::string, std::string>& extra_headers = {});
  std::unique_ptr<httplib::Client> acquire();
  void release(std::unique_ptr<httplib::Client> c);

  ClientOptions options_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<httplib::Client>> pool_;
};

// Percent-encodes one path segment or query value.
std::string url_encode(const std::string& s);

}  // namespace todo::dapr
