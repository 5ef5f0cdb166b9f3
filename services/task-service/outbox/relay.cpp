#include "outbox/relay.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <map>
#include <pqxx/notification>

#include "dapr/cloud_event.hpp"

namespace todo::tasksvc {
namespace {

constexpr int kBatchSize = 200;
constexpr long kRelayLockId = 7301002;

class Wakeup final : public pqxx::notification_receiver {
 public:
  explicit Wakeup(pqxx::connection_base& c) : pqxx::notification_receiver(c, "outbox") {}
  void operator()(const std::string&, int) override {}
};

struct Row {
  long long id;
  std::string event_id, topic, partition_key, type, payload, created_at;
  double created_epoch;
};

}  // namespace

OutboxRelay::OutboxRelay(Pool& pool, dapr::Client& dapr, metrics::Registry& registry,
                         std::string source)
    : pool_(pool),
      dapr_(dapr),
      source_(std::move(source)),
      pending_(registry.gauge("outbox_pending", "Outbox rows not yet published")),
      lag_(registry.histogram("outbox_relay_lag_seconds",
                              "From commit of a change to its event accepted by Dapr")),
      published_(registry.counter("outbox_published_total", "Outbox events published")),
      failures_(registry.counter("outbox_publish_failures_total", "Failed publish attempts")) {}

OutboxRelay::~OutboxRelay() {
  stop();
}

void OutboxRelay::start() {
  thread_ = std::thread([this] { run(); });
}

void OutboxRelay::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void OutboxRelay::run() {
  auto backoff = std::chrono::milliseconds(100);
  while (!stopping_) {
    try {
      auto conn = pool_.connect();
      serve(*conn);
      backoff = std::chrono::milliseconds(100);
    } catch (const std::exception& e) {
      failures_.inc();
      spdlog::warn("outbox relay: {} (retrying in {} ms)", e.what(), backoff.count());
      std::this_thread::sleep_for(backoff);  // backoff between attempts
      backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
    }
  }
}

void OutboxRelay::serve(pqxx::connection& conn) {
  // Standby until this instance holds the relay lock (another instance may be relaying).
  bool leader = false;
  while (!stopping_ && !leader) {
    pqxx::nontransaction tx(conn);
    leader = tx.exec_params("SELECT pg_try_advisory_lock($1)", kRelayLockId)[0][0].as<bool>();
    if (!leader) std::this_thread::sleep_for(std::chrono::seconds(2));  // standby poll
  }
  Wakeup wakeup(conn);
  spdlog::info("outbox relay active");
  auto last_cleanup = std::chrono::steady_clock::now();
  while (!stopping_) {
    while (!stopping_ && relay_batch(conn) == kBatchSize) {
    }
    if (std::chrono::steady_clock::now() - last_cleanup > std::chrono::minutes(10)) {
      pqxx::nontransaction tx(conn);
      tx.exec("DELETE FROM outbox WHERE sent_at < now() - interval '1 day'");
      last_cleanup = std::chrono::steady_clock::now();
    }
    conn.await_notification(1, 0);  // wakes on NOTIFY, or after 1 s at the latest
  }
}

size_t OutboxRelay::relay_batch(pqxx::connection& conn) {
  std::vector<Row> rows;
  {
    pqxx::nontransaction tx(conn);
    auto r = tx.exec_params(
        "SELECT id, event_id, topic, partition_key, type, payload::text, "
        "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
        "extract(epoch FROM created_at)::float8 "
        "FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1",
        kBatchSize);
    for (const auto& row : r) {
      rows.push_back({row[0].as<long long>(), row[1].as<std::string>(), row[2].as<std::string>(),
                      row[3].as<std::string>(), row[4].as<std::string>(), row[5].as<std::string>(),
                      row[6].as<std::string>(), row[7].as<double>()});
    }
    pending_.set(static_cast<double>(rows.size()));
  }
  if (rows.empty()) return 0;

  // One bulk publish per topic. Order matters only within a topic (each user's events stay in
  // id order on their partition), and every change writes one row to each of two topics, so
  // grouping by topic is what makes batches large.
  std::map<std::string, std::vector<size_t>> by_topic;
  for (size_t i = 0; i < rows.size(); ++i) by_topic[rows[i].topic].push_back(i);
  std::vector<size_t> sent_rows;
  std::string error;
  for (const auto& [topic, indexes] : by_topic) {
    std::vector<dapr::BulkEntry> entries;
    for (size_t i : indexes) {
      const auto& row = rows[i];
      entries.push_back({row.event_id,
                         dapr::make_cloud_event(row.event_id, source_, row.type,
                                                nlohmann::json::parse(row.payload), row.created_at),
                         {{"partitionKey", row.partition_key}}});
    }
    try {
      if (entries.size() == 1) {
        dapr_.publish("kafka-pubsub", topic, entries[0].event,
                      {rows[indexes[0]].partition_key, /*raw_cloud_event=*/true});
      } else {
        const auto failed = dapr_.bulk_publish("kafka-pubsub", topic, entries);
        // On a partial failure nothing of this topic is marked: all of it is published again
        // (at least once; consumers deduplicate on the event id).
        if (!failed.empty()) {
          error = topic + ": " + std::to_string(failed.size()) + " entries failed";
          continue;
        }
      }
      sent_rows.insert(sent_rows.end(), indexes.begin(), indexes.end());
    } catch (const std::exception& e) {
      error = topic + ": " + e.what();
    }
  }
  std::vector<long long> sent;
  for (size_t i : sent_rows) sent.push_back(rows[i].id);

  if (!sent.empty()) {
    std::string ids = "{";
    for (size_t i = 0; i < sent.size(); ++i) ids += (i ? "," : "") + std::to_string(sent[i]);
    ids += "}";
    pqxx::nontransaction tx(conn);
    tx.exec_params("UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY($1::bigint[])",
                   ids);
    const double now =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    for (size_t i : sent_rows) lag_.observe(std::max(0.0, now - rows[i].created_epoch));
    published_.inc(static_cast<double>(sent.size()));
  }
  if (!error.empty()) {
    failures_.inc();
    throw std::runtime_error("publish failed, will retry: " + error.substr(0, 300));
  }
  return rows.size();
}

}  // namespace todo::tasksvc
