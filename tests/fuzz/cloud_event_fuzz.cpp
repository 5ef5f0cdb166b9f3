// Dapr deliveries (libs/dapr): parse_cloud_event, Subscriber::dispatch and dispatch_bulk, with a
// handler that reads the payload the way the services do (by CloudEvent type, libs/events).
// dispatch turns every exception a handler throws into DROP or RETRY; nothing may escape it, and
// a bulk delivery is answered with one status per entry.
#include "dapr/subscriber.hpp"
#include "errors/domain_error.hpp"
#include "events/reminder_due.hpp"
#include "events/task_command.hpp"
#include "events/task_event.hpp"
#include "events/user_event.hpp"
#include "fuzz_util.hpp"
#include "http/readiness.hpp"
#include "http/server.hpp"
#include "metrics/metrics.hpp"
#include "tasks/task_json.hpp"

namespace {

namespace dapr = todo::dapr;
namespace errors = todo::errors;
namespace events = todo::events;

dapr::Outcome consume(const dapr::CloudEvent& event) {
  const std::string& type = event.type;
  if (type.rfind("todo.task.", 0) == 0) {
    const auto view = events::parse_task_event(event.data);
    (void)todo::tasks::task_from_json(view.task);
  } else if (type == events::kUserUpdatedType) {
    (void)events::parse_user_updated(event.data);
  } else if (type == events::kCreateOccurrenceType) {
    (void)events::parse_create_occurrence(event.data);
  } else if (type == events::kSnoozeTaskType) {
    (void)events::parse_snooze_task(event.data);
  } else if (type == events::kReminderDueType) {
    (void)events::parse_reminder_due(event.data);
  } else {
    throw errors::MalformedMessage("unknown type");
  }
  return dapr::Outcome::success;
}

dapr::Subscriber& subscriber() {
  static todo::metrics::Registry registry;
  static todo::http::Readiness readiness;
  static todo::http::Server server(
      [] {
        todo::http::ServerOptions options;  // never listens: dispatch_bulk needs only the object
        options.service_name = "fuzz";
        return options;
      }(),
      registry, readiness);
  static dapr::Subscriber instance(server, registry);
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body = todo::fuzz::text(data, size);
  std::string error;
  const auto event = dapr::parse_cloud_event(body, error);
  FUZZ_CHECK(event ? !event->id.empty() : !error.empty());

  std::string reason;
  const dapr::Outcome outcome = dapr::Subscriber::dispatch(body, consume, reason);
  FUZZ_CHECK(outcome == dapr::Outcome::success || !reason.empty());

  dapr::Subscription sub;
  sub.topic = "fuzz";
  sub.bulk_max_messages = 100;
  sub.bulk_parallelism = 2;
  const nlohmann::json answer = subscriber().dispatch_bulk(body, sub, consume);
  const auto request = todo::json::parse(body, nullptr, todo::json::kMaxDepth + 3);
  const std::size_t entries =
      request.is_object() && request.contains("entries") && request["entries"].is_array()
          ? request["entries"].size()
          : 0;
  FUZZ_CHECK(answer.at("statuses").size() == entries);
  return 0;
}
