#pragma once
// Publishes outbox rows through Dapr in id order and marks them sent. Woken by NOTIFY (and
// a 1 s poll as a safety net); a batch goes out as one bulk publish per topic; failures back off and
// retry forever, so a crash or an outage re-publishes, never drops. Only one instance relays
// at a time (a PostgreSQL advisory lock), which keeps each user's events in order.
#include <atomic>
#include <string>
#include <thread>

#include "dapr/client.hpp"
#include "db/pool.hpp"
#include "metrics/metrics.hpp"

namespace todo::tasksvc {

class OutboxRelay {
 public:
  OutboxRelay(Pool& pool, dapr::Client& dapr, metrics::Registry& registry, std::string source);
  ~OutboxRelay();
  void start();
  void stop();

 private:
  void run();
  void serve(pqxx::connection& conn);
  // Publishes one batch of pending rows; returns how many were sent.
  size_t relay_batch(pqxx::connection& conn);

  Pool& pool_;
  dapr::Client& dapr_;
  std::string source_;
  metrics::Gauge& pending_;
  metrics::Histogram& lag_;
  metrics::Counter& published_;
  metrics::Counter& failures_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace todo::tasksvc
