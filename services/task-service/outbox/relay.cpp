#include "outbox/relay.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <future>
#include <map>
#include <pqxx/notification>

#include "dapr/cloud_event.hpp"
#include "json/bounded_parse.hpp"

namespace todo::tasksvc {
namespace {

constexpr int kBatchSize = 200;
constexpr long kRelayLockId = 7301002;

class Wakeup final : public pqxx::notification_receiver {
 public:
  explicit Wakeup(pqxx::connection_base& c) : pqxx::notification_receiver(c, "outbox") {}
  void operator()(const std::string&, int) override {}
};

}  // namespace

OutboxRelay::OutboxRelay(Pool& pool, dapr::Publisher publisher, metrics::Registry& registry,
                         std::string source)
    : pool_(pool),
      publisher_(std::move(publisher)),
      source_(std::move(source)),
      pending_(registry.gauge("outbox_pending", "Outbox rows not yet published")),
      lag_(registry.histogram("outbox_relay_lag_seconds",
                              "From commit of a change to its event accepted by Dapr")),
      publish_seconds_(registry.histogram("outbox_publish_seconds",
                                          "Duration of one (bulk) publish call to the sidecar")),
      published_(registry.counter("outbox_published_total", "Outbox events published")),
      failures_(registry.counter("outbox_publish_failures_total", "Failed publish attempts")) {}

OutboxRelay::~OutboxRelay() {
  stop();
}

void OutboxRelay::start() {
  thread_ = std::thread([this] { run(); });
}

void OutboxRelay::stop() {
  stop_.request();
  if (thread_.joinable()) thread_.join();
}

void OutboxRelay::run() {
  auto backoff = std::chrono::milliseconds(100);
  while (!stop_.requested()) {
    try {
      auto conn = pool_.connect();
      serve(*conn);
      backoff = std::chrono::milliseconds(100);
    } catch (const std::exception& e) {
      failures_.inc();
      spdlog::warn("outbox relay: {} (retrying in {} ms)", e.what(), backoff.count());
      if (stop_.wait_for(backoff)) return;  // backoff between attempts
      backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
    }
  }
}

void OutboxRelay::serve(pqxx::connection& conn) {
  // Standby until this instance holds the relay lock (another instance may be relaying).
  bool leader = false;
  while (!leader) {
    pqxx::nontransaction tx(conn);
    leader = tx.exec_params("SELECT pg_try_advisory_lock($1)", kRelayLockId)[0][0].as<bool>();
    if (!leader && stop_.wait_for(std::chrono::seconds(2))) return;  // standby poll
  }
  {
    pqxx::nontransaction tx(conn);
    commit_timestamps_ =
        tx.exec("SELECT current_setting('track_commit_timestamp')")[0][0].as<std::string>() == "on";
    // Marking rows sent need not wait for its WAL flush: if a crash loses the mark, the rows are
    // published again, which at-least-once delivery allows (consumers deduplicate on event id).
    // Without the flush wait each relay cycle is several milliseconds shorter under load.
    tx.exec("SET synchronous_commit = off");
  }
  Wakeup wakeup(conn);
  spdlog::info("outbox relay active");
  auto last_cleanup = std::chrono::steady_clock::now();
  while (!stop_.requested()) {
    while (!stop_.requested() && relay_batch(conn) == kBatchSize) {
    }
    if (std::chrono::steady_clock::now() - last_cleanup > std::chrono::minutes(10)) {
      pqxx::nontransaction tx(conn);
      tx.exec("DELETE FROM outbox WHERE sent_at < now() - interval '1 day'");
      last_cleanup = std::chrono::steady_clock::now();
    }
    conn.await_notification(1, 0);  // wakes on NOTIFY, or after 1 s at the latest
  }
}

std::string OutboxRelay::publish_topic(const std::vector<OutboxRow>& rows, const std::string& topic,
                                       const std::vector<size_t>& indexes) {
  std::vector<dapr::KeyedCloudEvent> events;
  events.reserve(indexes.size());
  for (size_t i : indexes) {
    const auto& row = rows[i];
    auto event = dapr::make_cloud_event(row.event_id, source_, row.type,
                                        todo::json::parse_or_throw(row.payload, "an outbox row"),
                                        row.created_at);
    events.push_back({row.partition_key, std::move(event)});
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    const auto failed = publisher_.publish_cloud_events(topic, std::move(events));
    // On a partial failure nothing of this topic is marked: all of it is published again
    // (at least once; consumers deduplicate on the event id).
    if (!failed.empty()) return std::to_string(failed.size()) + " entries failed";
  } catch (const std::exception& e) {
    return e.what();
  }
  publish_seconds_.observe(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  // The lag ends when Dapr has accepted the event (marking the row sent comes after).
  const double now =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  for (size_t i : indexes) lag_.observe(std::max(0.0, now - rows[i].created_epoch));
  return "";
}

size_t OutboxRelay::relay_batch(pqxx::connection& conn) {
  std::vector<OutboxRow> rows;
  {
    pqxx::nontransaction tx(conn);
    // The lag is counted from the commit when PostgreSQL records commit times
    // (track_commit_timestamp), else from the row's insert just before the commit.
    const std::string committed = commit_timestamps_ ? "coalesce(pg_xact_commit_timestamp(xmin), "
                                                       "created_at)"
                                                     : "created_at";
    auto r = tx.exec_params(
        "SELECT id, event_id, topic, partition_key, type, payload::text, "
        "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
        "extract(epoch FROM " +
            committed +
            ")::float8 "
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

  // One bulk publish per topic, the topics in parallel. Order matters only within a topic (each
  // user's events stay in id order on their partition), and every change writes one row to each
  // of two topics, so grouping by topic is what makes batches large; publishing the topics at
  // the same time halves the relay's round trips to the sidecar per batch.
  std::map<std::string, std::vector<size_t>> by_topic;
  for (size_t i = 0; i < rows.size(); ++i) by_topic[rows[i].topic].push_back(i);
  std::vector<std::future<std::string>> publishes;
  for (const auto& entry : by_topic) {
    const std::string& topic = entry.first;
    const std::vector<size_t>& indexes = entry.second;
    publishes.push_back(std::async(std::launch::async, [this, &rows, &topic, &indexes] {
      return publish_topic(rows, topic, indexes);
    }));
  }
  std::vector<size_t> sent_rows;
  std::string error;
  size_t topic_number = 0;
  for (const auto& entry : by_topic) {
    const std::string failure = publishes[topic_number++].get();
    if (failure.empty()) {
      sent_rows.insert(sent_rows.end(), entry.second.begin(), entry.second.end());
    } else {
      error = entry.first + ": " + failure;
    }
  }
  std::vector<long long> sent;
  sent.reserve(sent_rows.size());
  for (size_t i : sent_rows) sent.push_back(rows[i].id);

  if (!sent.empty()) {
    std::string ids = "{";
    for (size_t i = 0; i < sent.size(); ++i) ids += (i ? "," : "") + std::to_string(sent[i]);
    ids += "}";
    pqxx::nontransaction tx(conn);
    tx.exec_params("UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY($1::bigint[])",
                   ids);
    published_.inc(static_cast<double>(sent.size()));
  }
  if (!error.empty()) {
    failures_.inc();
    throw std::runtime_error("publish failed, will retry: " + error.substr(0, 300));
  }
  return rows.size();
}

}  // namespace todo::tasksvc
