#pragma once
// Publishes outbox rows through Dapr in id order and marks them sent. Woken by NOTIFY (and
// a 1 s poll as a safety net); a batch goes out as one bulk publish per topic, the topics in
// parallel; failures back off and retry forever, so a crash or an outage re-publishes, never drops.
// Only one instance relays at a time (a PostgreSQL advisory lock), which keeps each user's events
// in order.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "dapr/publisher.hpp"
#include "db/pool.hpp"
#include "metrics/metrics.hpp"
#include "service/background.hpp"

namespace todo::tasksvc {

// One pending outbox row, as the relay reads it.
struct OutboxRow {
  long long id;
  std::string event_id, topic, partition_key, type, payload, created_at;
  double created_epoch;
};

class OutboxRelay {
 public:
  // Each row goes out under its partition_key (the user id), on `publisher`'s component.
  OutboxRelay(Pool& pool, dapr::Publisher publisher, metrics::Registry& registry,
              std::string source);
  ~OutboxRelay();
  void start();
  void stop();

 private:
  void run();
  void serve(pqxx::connection& conn);
  // Publishes one batch of pending rows; returns how many were sent.
  size_t relay_batch(pqxx::connection& conn);
  // Publishes rows[indexes] (all of one topic) and records their lag; "" on success, else why not.
  // Runs on its own thread, one per topic of a batch.
  std::string publish_topic(const std::vector<OutboxRow>& rows, const std::string& topic,
                            const std::vector<size_t>& indexes);

  Pool& pool_;
  dapr::Publisher publisher_;
  std::string source_;
  metrics::Gauge& pending_;
  metrics::Histogram& lag_;
  metrics::Histogram& publish_seconds_;
  metrics::Counter& published_;
  metrics::Counter& failures_;
  service::StopSignal stop_;
  bool commit_timestamps_ = false;  // track_commit_timestamp is on: lag counts from the commit
  std::thread thread_;
};

}  // namespace todo::tasksvc
