#pragma once
// The series tracker's store and sender on Dapr: the state store and the task-commands topic.
#include <string>

#include "dapr/publisher.hpp"
#include "dapr/state_store.hpp"
#include "series_tracker.hpp"

namespace todo::recurrence_service {

// Series progress as JSON values of the typed state store (dapr::DaprStateStore in the service,
// its in-memory fake in tests), one key per series.
class StateProgressStore final : public ProgressStore {
 public:
  explicit StateProgressStore(dapr::StateStore& store) : store_(store) {}
  std::optional<StoredProgress> load(const std::string& series_id) override;
  void save(const std::string& series_id, const SeriesProgress& progress,
            const std::optional<std::string>& etag) override;

 private:
  dapr::StateStore& store_;
};

class DaprCommandSender final : public CommandSender {
 public:
  DaprCommandSender(dapr::Publisher publisher, std::string source);
  // Published as a raw CloudEvent whose id is the command id, keyed by user like task events.
  void send(const events::CreateOccurrence& command) override;

 private:
  dapr::Publisher publisher_;
  std::string source_;
};

}  // namespace todo::recurrence_service
