#pragma once
// The series tracker's store and sender on Dapr: the state store and the task-commands topic.
#include <string>

#include "dapr/client.hpp"
#include "series_tracker.hpp"

namespace todo::recurrence_service {

class DaprProgressStore final : public ProgressStore {
 public:
  DaprProgressStore(dapr::Client& dapr, std::string store);
  std::optional<StoredProgress> load(const std::string& series_id) override;
  void save(const std::string& series_id, const SeriesProgress& progress,
            const std::optional<std::string>& etag) override;

 private:
  dapr::Client& dapr_;
  std::string store_;
};

class DaprCommandSender final : public CommandSender {
 public:
  DaprCommandSender(dapr::Client& dapr, std::string pubsub, std::string source);
  // Published as a raw CloudEvent whose id is the command id, keyed by user like task events.
  void send(const events::CreateOccurrence& command) override;

 private:
  dapr::Client& dapr_;
  std::string pubsub_;
  std::string source_;
};

}  // namespace todo::recurrence_service
