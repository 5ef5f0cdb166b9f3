#include "outbox/outbox.hpp"

#include "ids/uuid.hpp"

namespace todo::tasksvc {

std::string enqueue(pqxx::work& tx, const OutboxEvent& event) {
  std::string id = ids::new_uuid();
  tx.exec_params(
      "INSERT INTO outbox (event_id, topic, partition_key, type, payload) "
      "VALUES ($1, $2, $3, $4, $5::jsonb)",
      id, event.topic, event.partition_key, event.type, event.payload.dump());
  // NOTIFY is delivered only if the transaction commits, so the relay never sees a phantom.
  tx.exec("NOTIFY outbox");
  return id;
}

}  // namespace todo::tasksvc
