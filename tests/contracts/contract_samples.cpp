// Prints one JSON line per message the services put on Kafka, made by the producers' own code:
//   {"sample": "<what it shows>", "message": "<proto full name>", "topic": "<topic>",
//    "type": "<CloudEvent type>", "data": <payload>}
// tests/contracts/test_proto_contracts.py reads them against proto/ (nothing here is written by
// hand: every payload comes from the function the service itself calls).
//
// Where each comes from:
// - task-events and task-updates: task-service's record_change (app/task_changes.cpp), the one
//   writer of both, on tasks made and changed by libs/tasks as the API does. Its outbox writes
//   (enqueue) and the activity log (add_activity) are replaced below by functions that keep the
//   event instead of writing a row; the outbox relay publishes a row's payload and type as they
//   are.
// - user-events: events::to_json of what task-service's UserStore announces (effective_channels,
//   merge_channels, seal_channel_credentials, EmailVerification::request).
// - task-commands: recurrence-service's TaskEventHandler fed the task-service completion events
//   above, with its StateProgressStore and DaprCommandSender; notification-service's snooze command
//   (events::to_json(SnoozeTask), published as plain data by its main.cpp).
// - reminders: the scheduler's plan_deliveries, payload_of and DaprReminderPublisher, on the
//   tasks as task-service's events carry them.
// - task-updates (in-app) and reminders-dlq: notification-service's Notifier with the real
//   InAppSender, fed the reminder events above; a channel that refuses shows the dead letter.
// Publishes through Dapr go to an in-process stand-in for the sidecar, which keeps them.
#include <httplib.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <mutex>
#include <new>
#include <set>
#include <thread>

#include "adapters/dapr_reminder_publisher.hpp"
#include "app/task_changes.hpp"
#include "app/task_operations.hpp"
#include "apply/task_reminders.hpp"
#include "auth/credential_box.hpp"
#include "dapr/client.hpp"
#include "dapr/cloud_event.hpp"
#include "dapr/memory_state_store.hpp"
#include "dapr/publisher.hpp"
#include "dapr_adapters.hpp"
#include "dapr_senders.hpp"
#include "errors/field_errors.hpp"
#include "events/reminder_due.hpp"
#include "events/task_command.hpp"
#include "events/task_event.hpp"
#include "events/topics.hpp"
#include "events/user_event.hpp"
#include "firing/missed_policy.hpp"
#include "firing/reminder_event.hpp"
#include "metrics/metrics.hpp"
#include "notifier.hpp"
#include "outbox/outbox.hpp"
#include "profile_projection.hpp"
#include "serve_in_background.hpp"
#include "store/task_sql.hpp"
#include "task_event_handler.hpp"
#include "tasks/reminder.hpp"
#include "tasks/snooze.hpp"
#include "tasks/task_input.hpp"
#include "tasks/task_json.hpp"
#include "test_service_account.hpp"
#include "time/rfc3339.hpp"
#include "users/channels.hpp"
#include "users/email_verification.hpp"
#include "users/user.hpp"

using nlohmann::json;
using namespace todo;

// ---- task-service's outbox, kept in memory -------------------------------------------------

namespace todo::tasksvc {
namespace {
std::vector<OutboxEvent>& outbox_rows() {
  static std::vector<OutboxEvent> rows;
  return rows;
}
}  // namespace

// Instead of outbox/outbox.cpp and store/task_sql.cpp (not linked: their objects hold nothing
// else this program uses, so the linker takes these definitions).
std::string enqueue(pqxx::work& /*tx*/, const OutboxEvent& event) {
  outbox_rows().push_back(event);
  return "outbox-" + std::to_string(outbox_rows().size());
}

void add_activity(pqxx::work& /*tx*/, const std::string& /*task_id*/,
                  const std::string& /*user_id*/, const std::string& /*action*/,
                  const json& /*changes*/) {}

}  // namespace todo::tasksvc

namespace {

// record_change only hands its transaction on to enqueue and add_activity above, which never
// touch it: no database is opened, and this reference names storage no pqxx call ever reaches.
pqxx::work& no_transaction() {
  alignas(pqxx::work) static unsigned char storage[sizeof(pqxx::work)];
  return *std::launder(reinterpret_cast<pqxx::work*>(storage));
}

// ---- output ----------------------------------------------------------------------------------

void print(const std::string& sample, const std::string& message, const std::string& topic,
           const std::string& type, const json& data) {
  std::cout << json{{"sample", sample},
                    {"message", message},
                    {"topic", topic},
                    {"type", type},
                    {"data", data}}
                   .dump()
            << "\n";
}

// Dapr wraps data published without a CloudEvent of its own in one of this type.
constexpr const char* kDaprDefaultType = "com.dapr.event.sent";

// ---- the sidecar stand-in --------------------------------------------------------------------

struct Published {
  std::string topic;
  json event;  // the CloudEvent as Kafka carries it (raw, or as Dapr would wrap plain data)
};

class FakeSidecar {
 public:
  FakeSidecar() {
    server_.Post(R"(/v1\.0/publish/([^/]+)/([^/?]+))", [this](const auto& req, auto& res) {
      json body = json::parse(req.body);
      if (req.get_header_value("Content-Type") != "application/cloudevents+json") {
        body = dapr::make_cloud_event("dapr-assigned", "app", kDaprDefaultType, body);
      }
      keep(req.matches[2].str(), std::move(body));
      res.status = 204;
    });
    server_.Post(R"(/v1\.0-alpha1/publish/bulk/([^/]+)/([^/?]+))",
                 [this](const auto& req, auto& res) {
                   for (const auto& entry : json::parse(req.body))
                     keep(req.matches[2].str(), entry["event"]);
                   res.status = 204;
                 });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = todo::testing::serve_in_background(server_);
  }
  ~FakeSidecar() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  FakeSidecar(const FakeSidecar&) = delete;
  FakeSidecar& operator=(const FakeSidecar&) = delete;

  dapr::Client client() const {
    dapr::ClientOptions options;
    options.http_port = port_;
    options.api_token = "token";
    options.max_attempts = 1;
    return dapr::Client(options);
  }

  // What was published since the last call, in order.
  std::vector<Published> take() {
    std::lock_guard<std::mutex> lock(mu_);
    return std::exchange(published_, {});
  }

 private:
  void keep(const std::string& topic, json event) {
    std::lock_guard<std::mutex> lock(mu_);
    published_.push_back({topic, std::move(event)});
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::vector<Published> published_;
};

void print_published(const std::string& sample, const std::string& message,
                     const std::vector<Published>& published) {
  if (published.empty()) throw std::runtime_error(sample + ": nothing was published");
  int n = 0;
  for (const auto& p : published) {
    const std::string name = published.size() == 1 ? sample : sample + " #" + std::to_string(++n);
    print(name, message, p.topic, p.event.value("type", ""), p.event["data"]);
  }
}

dapr::CloudEvent delivered(const json& event) {
  std::string error;
  auto parsed = dapr::parse_cloud_event(event.dump(), error);
  if (!parsed) throw std::runtime_error("not a CloudEvent: " + error);
  return *parsed;
}

// ---- task-service ----------------------------------------------------------------------------

const std::string kUser = "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b10";
const std::string kZone = "Europe/Berlin";
const time::Instant kNow = *time::parse_rfc3339("2026-11-20T10:00:00Z");

struct TaskService {
  int next_id = 1;
  std::vector<dapr::CloudEvent> completions;          // for recurrence-service
  std::set<std::pair<std::string, int>> occurrences;  // (series, index) created from commands

  std::string new_id() {
    char id[37];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", next_id++);
    return id;
  }

  // Prints what record_change put into the outbox (task-events, then task-updates).
  void flush(const std::string& sample) {
    for (const auto& row : std::exchange(tasksvc::outbox_rows(), {})) {
      const bool ui = row.topic == events::kTaskUpdatesTopic;
      print(sample, ui ? "todo.v1.TaskUpdate" : "todo.v1.TaskEvent", row.topic, row.type,
            row.payload);
      if (!ui && row.payload.value("action", "") == "completed") {
        // As the outbox relay publishes the row, and the subscriber reads it.
        completions.push_back(delivered(
            dapr::make_cloud_event("event-" + std::to_string(completions.size()), "task-service",
                                   row.type, row.payload, time::format_rfc3339(kNow))));
      }
    }
  }

  // POST /api/v1/tasks (TaskOperations::create).
  tasks::Task create(const std::string& sample, const json& body) {
    const auto draft = tasks::parse_task_create(body, kZone, kNow);
    auto task = tasks::task_from_draft(draft, new_id(), kUser, kNow);
    tasksvc::record_change(no_transaction(), "created", task, nullptr);
    flush("created: " + sample);
    return task;
  }

  // TaskOperations::modify: a change, its diff, the next version.
  template <class Change>
  tasks::Task modify(const std::string& sample, const tasks::Task& current,
                     const std::string& action, Change change) {
    tasks::Task next = current;
    change(next);
    const auto changes = tasksvc::diff_tasks(current, next);
    next.version = current.version + 1;
    tasksvc::record_change(no_transaction(), action, next, changes);
    flush(action + ": " + sample);
    return next;
  }

  tasks::Task update(const std::string& sample, const tasks::Task& current, const json& patch,
                     time::Instant now) {
    return modify(sample, current, "updated", [&](tasks::Task& t) {
      tasks::apply_patch(t, tasks::parse_task_patch(patch), now);
    });
  }

  tasks::Task complete(const std::string& sample, const tasks::Task& current, time::Instant now) {
    return modify(sample, current, "completed", [&](tasks::Task& t) {
      t.status = tasks::TaskStatus::completed;
      t.completed_at = now;
      t.updated_at = now;
    });
  }

  tasks::Task reopen(const std::string& sample, const tasks::Task& current, time::Instant now) {
    return modify(sample, current, "reopened", [&](tasks::Task& t) {
      t.status = tasks::TaskStatus::open;
      t.completed_at.reset();
      t.updated_at = now;
    });
  }

  tasks::Task snooze(const std::string& sample, const tasks::Task& current, const json& body,
                     time::Instant now) {
    return modify(sample, current, "updated", [&](tasks::Task& t) {
      tasks::apply_snooze(t, tasks::parse_snooze(body, t.time_zone, now), now);
    });
  }

  void remove(const std::string& sample, const tasks::Task& current) {
    tasksvc::record_change(no_transaction(), "deleted", current, nullptr);
    flush("deleted: " + sample);
  }

  // A create_occurrence command as CommandHandler reads it and TaskOperations::create_occurrence
  // applies it.
  void create_occurrence(const std::string& sample, const json& command_data, time::Instant now) {
    const auto command = events::parse_create_occurrence(command_data);
    // insert_task_if_new_occurrence: a repeated command creates nothing.
    if (!occurrences.insert({command.series_id, command.occurrence_index}).second) return;
    const auto task = tasksvc::occurrence_task(command, new_id(), now);
    tasksvc::record_change(no_transaction(), "created", task, nullptr);
    flush("created: " + sample);
  }
};

// What task-service announces on user-events (users/user_store.cpp: announce and
// ask_for_verification).
struct Accounts {
  auth::CredentialBox box{std::string(32, 'c')};
  tasksvc::EmailVerification verification{std::string(32, 's'), "https://todo.example/"};

  static void announce(const std::string& sample, const tasksvc::User& user) {
    events::UserUpdated event;
    event.user_id = user.id;
    event.name = user.name;
    event.time_zone = user.time_zone;
    event.channels = tasksvc::effective_channels(user.channels, user.email);
    event.version = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    print(sample, "todo.v1.UserUpdated", events::kUserEventsTopic, events::kUserUpdatedType,
          events::to_json(event));
  }

  void ask_for_verification(const std::string& sample, const tasksvc::User& user) const {
    const std::string address = tasksvc::effective_email_address(user.channels, user.email);
    print(sample, "todo.v1.EmailVerificationRequested", events::kUserEventsTopic,
          events::kEmailVerificationRequestedType,
          events::to_json(verification.request(user, address)));
  }

  // UserStore::update_profile's channels: read, credentials sealed, merged, checked.
  tasksvc::User patch_channels(tasksvc::User user, const json& patch) const {
    errors::FieldErrors errors;
    const auto read = tasksvc::read_channels_patch(patch, errors);
    errors.throw_if_any();
    user.channels =
        tasksvc::merge_channels(user.channels, tasksvc::seal_channel_credentials(*read, box));
    tasksvc::check_channels(user.channels);
    return user;
  }
};

// ---- notification-service --------------------------------------------------------------------

// A channel whose server refuses the message for good: the notifier gives it up at once and
// publishes the failure.
class RefusingSender final : public notify::ChannelSender {
 public:
  const char* name() const override { return "email"; }
  std::string unavailable_reason(const notify::Profile& /*profile*/) const override { return ""; }
  notify::SendResult send(const notify::ReminderNotice& /*notice*/,
                          const notify::Profile& /*profile*/) override {
    return {notify::SendOutcome::permanent_failure, "550 mailbox unavailable"};
  }
};

// ---- the samples -----------------------------------------------------------------------------

void run() {
  FakeSidecar sidecar;
  dapr::Client dapr = sidecar.client();
  TaskService task_service;
  using std::chrono::hours;
  using std::chrono::minutes;

  // Tasks: with and without description, tags, due (date-time, date), reminders (before, at),
  // recurrence (due, completion).
  auto minimal = task_service.create("title only", {{"title", "Buy milk"}});
  auto rent = task_service.create(
      "everything set",
      {{"title", "Pay rent \xE2\x82\xAC"},
       {"description", "bank transfer\nreference: flat 3"},
       {"priority", "high"},
       {"tags", {"bills", "home"}},
       {"due", "2026-12-01T09:00"},
       {"reminders", {{{"before", "PT1H"}}, {{"at", "2026-11-30T18:00:00Z"}}}},
       {"recurrence", {{"rrule", "FREQ=MONTHLY;BYMONTHDAY=1"}, {"mode", "due"}}}});
  auto plants =
      task_service.create("date-only due, repeating from completion",
                          {{"title", "Water plants"},
                           {"due", "2026-11-25"},
                           {"reminders", {{{"before", "PT30M"}}}},
                           {"recurrence", {{"rrule", "FREQ=WEEKLY"}, {"mode", "completion"}}}});
  auto standup = task_service.create("repeating, no reminders",
                                     {{"title", "Stand-up"},
                                      {"priority", "low"},
                                      {"due", "2026-11-23T09:30"},
                                      {"recurrence", {{"rrule", "FREQ=DAILY;COUNT=3"}}}});
  auto passport = task_service.create(
      "absolute reminder, no due",
      {{"title", "Renew passport"}, {"reminders", {{{"at", "2026-12-10T08:00:00Z"}}}}});

  minimal = task_service.update(
      "priority, description, tags", minimal,
      {{"priority", "urgent"}, {"description", "2 litres"}, {"tags", {"shopping"}}},
      kNow + minutes(5));
  minimal = task_service.update(
      "a due and a reminder added", minimal,
      {{"due", "2026-11-21T18:00"}, {"reminders", {{{"before", "PT15M"}}}}}, kNow + minutes(6));
  plants = task_service.update("due, reminders and recurrence cleared", plants,
                               {{"due", nullptr}, {"reminders", nullptr}, {"recurrence", nullptr}},
                               kNow + minutes(7));
  passport = task_service.snooze("snoozed", passport, {{"for", "PT10M"}}, kNow + minutes(8));
  rent = task_service.complete("recurring", rent, kNow + hours(1));
  rent = task_service.reopen("recurring", rent, kNow + hours(2));
  const tasks::Task rent_open = rent;
  rent = task_service.complete("recurring, again", rent, kNow + hours(3));
  auto plants2 =
      task_service.create("date-only due, repeating from completion, 2",
                          {{"title", "Water plants"},
                           {"due", "2026-11-25"},
                           {"reminders", {{{"before", "PT30M"}}, {{"at", "2026-11-24T17:00:00Z"}}}},
                           {"recurrence", {{"rrule", "FREQ=WEEKLY"}, {"mode", "completion"}}}});
  const tasks::Task plants_open = plants2;
  plants2 = task_service.complete("date-only, from completion", plants2, kNow + hours(4));
  standup = task_service.complete("series with a count", standup, kNow + hours(5));
  task_service.remove("task with reminders", minimal);

  // recurrence-service: each completion above, as delivered to its handler.
  {
    dapr::testing::MemoryStateStore state;
    recurrence_service::StateProgressStore progress(state);
    recurrence_service::DaprCommandSender sender(dapr::Publisher(dapr, "pubsub"),
                                                 "recurrence-service");
    metrics::Registry registry;
    recurrence_service::TaskEventHandler handler(progress, sender, registry);
    int n = 0;
    for (const auto& completion : task_service.completions) {
      handler(completion);
      for (const auto& command : sidecar.take()) {
        const std::string sample = "next occurrence #" + std::to_string(++n);
        print(sample, "todo.v1.CreateOccurrence", command.topic, command.event.value("type", ""),
              command.event["data"]);
        task_service.create_occurrence("occurrence #" + std::to_string(n), command.event["data"],
                                       kNow + hours(6));
      }
    }
    if (n == 0) throw std::runtime_error("recurrence-service sent no command");
  }

  // reminder-scheduler: the tasks as its handler reads them from task events.
  std::vector<dapr::CloudEvent> reminder_events;
  {
    reminder_scheduler::DaprReminderPublisher publisher(dapr::Publisher(dapr, "pubsub"),
                                                        "reminder-scheduler");
    auto due_firings = [](const tasks::Task& task) {
      const auto read = tasks::task_from_json(tasks::to_json(task));
      std::vector<reminder_scheduler::DueFiring> due;
      for (const auto& firing : reminder_scheduler::desired_firings(read, false)) {
        due.push_back({reminder_scheduler::summarize(read), firing});
      }
      return due;
    };
    auto fire = [&](const std::string& sample, std::vector<reminder_scheduler::DueFiring> due,
                    reminder_scheduler::WallTime now, reminder_scheduler::MissedAction action) {
      reminder_scheduler::MissedPolicy policy;
      policy.action = action;
      auto plan = reminder_scheduler::plan_deliveries(std::move(due), now,
                                                      [&](const std::string&) { return policy; });
      // FiringLoop::publish: payloads built just before publishing.
      for (auto& delivery : plan.deliveries) {
        delivery.payload = reminder_scheduler::payload_of(delivery, now);
      }
      publisher.publish(plan.deliveries);
      const auto published = sidecar.take();
      print_published(sample, "todo.v1.ReminderDue", published);
      for (const auto& p : published) reminder_events.push_back(delivered(p.event));
    };
    const auto at_fire = [](const reminder_scheduler::DueFiring& f) {
      return reminder_scheduler::WallTime(f.firing.fire_at);
    };
    const auto rent_due = due_firings(rent_open);
    const auto plants_due = due_firings(plants_open);
    auto late = due_firings(passport);  // two absolute reminders, no due
    for (auto& f : due_firings(minimal)) late.push_back(std::move(f));
    if (rent_due.size() != 2 || plants_due.size() != 2 || late.size() != 3) {
      throw std::runtime_error("the sample tasks do not have the firings expected");
    }
    fire("on time", {rent_due[0]}, at_fire(rent_due[0]) + std::chrono::seconds(2),
         reminder_scheduler::MissedAction::deliver_late);
    const auto last = std::max_element(late.begin(), late.end(), [&](const auto& a, const auto& b) {
      return at_fire(a) < at_fire(b);
    });
    fire("late", late, at_fire(*last) + hours(24 * 30),
         reminder_scheduler::MissedAction::deliver_late);
    fire("digest", {rent_due[0], rent_due[1], plants_due[0], plants_due[1]},
         at_fire(rent_due[0]) + hours(24 * 30), reminder_scheduler::MissedAction::digest);
  }

  // user-events: a new account, its address verified, then channels changed (a new address to
  // verify, push and FCM on).
  {
    Accounts accounts;
    tasksvc::User user;
    user.id = kUser;
    user.email = "Ada@Example.org";
    user.name = "Ada";
    user.time_zone = "Europe/London";
    user.channels = tasksvc::default_channels();
    user.created_at = time::format_rfc3339(kNow);
    Accounts::announce("new account", user);
    accounts.ask_for_verification("new account", user);
    user.channels = tasksvc::with_verified_address(
        user.channels, tasksvc::effective_email_address(user.channels, user.email));
    Accounts::announce("address verified", user);
    user = accounts.patch_channels(
        user,
        {{"email", {{"address", "ada@work.example"}}},
         {"push", {{"enabled", true}, {"topic", "ada-phone"}}},
         {"fcm",
          {{"enabled", true},
           {"device_token", "device:token-1"},
           {"service_account",
            json::parse(todo::testing::service_account_json(todo::testing::kTestPrivateKey))}}}});
    user.name = "";
    Accounts::announce("push, FCM and a new address, no name", user);
    accounts.ask_for_verification("a new address, no name", user);
  }

  // notification-service: each reminder event above, for a user with in-app on and a mail
  // server that refuses.
  {
    dapr::testing::MemoryStateStore store;
    notify::ProfileProjection profiles(store);
    events::UserUpdated profile;
    profile.user_id = kUser;
    profile.name = "Ada";
    profile.time_zone = kZone;
    profile.channels = tasksvc::effective_channels(tasksvc::default_channels(), "ada@example.org");
    profile.version = 1;
    profiles.apply(profile);

    notify::InAppSender in_app(dapr::Publisher(dapr, "pubsub"));
    RefusingSender email;
    std::vector<json> dead_letters;
    std::mutex dead_letters_mu;
    metrics::Registry registry;
    notify::Notifier notifier(
        {}, store, {&in_app, &email},
        [&](const json& failure) {
          std::lock_guard<std::mutex> lock(dead_letters_mu);
          dead_letters.push_back(failure);
        },
        registry, [] { return kNow + std::chrono::hours(24 * 60); });
    int n = 0;
    for (const auto& event : reminder_events) {
      const std::string sample = "reminder #" + std::to_string(++n);
      notifier.handle(event);
      print_published("in-app, " + sample, "todo.v1.NotificationCreated", sidecar.take());
      std::lock_guard<std::mutex> lock(dead_letters_mu);
      if (dead_letters.empty()) throw std::runtime_error(sample + ": no dead letter");
      for (const auto& failure : std::exchange(dead_letters, {})) {
        // notification-service's main.cpp publishes {"type": "todo.notification.failed.v1",
        // "failure": <this>} as plain data.
        print("refused, " + sample, "todo.v1.NotificationFailed", events::kRemindersDeadLetterTopic,
              kDaprDefaultType, failure);
      }
    }
  }

  // task-commands from notification-service: a snooze of the first notification
  // (inbox_routes.cpp), published as plain data by its main.cpp.
  const auto snoozed = events::parse_reminder_due(reminder_events.front().data);
  for (const json& body : {json{{"for", "PT10M"}}, json{{"preset", "tomorrow_morning"}}}) {
    const events::SnoozeTask command{kUser, snoozed.task_id, tasks::parse_snooze(body, kZone, kNow),
                                     reminder_events.front().id};
    print("snooze " + body.begin().key(), "todo.v1.SnoozeTask", events::kTaskCommandsTopic,
          kDaprDefaultType, events::to_json(command));
  }
}

}  // namespace

int main() {
  // Logs go to stderr: stdout is the samples.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("contract_samples"));
  spdlog::set_level(spdlog::level::err);
  try {
    run();
  } catch (const std::exception& e) {
    std::cerr << "contract_samples: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
