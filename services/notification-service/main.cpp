// notification-service: delivers each due reminder by email, push (ntfy and FCM) and in-app,
// exactly once, keeps each user's inbox, and a projection of each user's channels from
// user-events.
#include <spdlog/spdlog.h>

#include "auth/credential_box.hpp"
#include "dapr_senders.hpp"
#include "events/task_command.hpp"
#include "events/topics.hpp"
#include "events/user_event.hpp"
#include "fcm_sender.hpp"
#include "inbox_routes.hpp"
#include "notifier.hpp"
#include "ports/ports.hpp"
#include "service/background.hpp"
#include "service/runtime.hpp"
#include "service/secrets.hpp"
#include "service/sessions.hpp"
#include "time/instant.hpp"
#include "verification_mailer.hpp"

int main(int argc, char** argv) {
  using namespace todo;
  service::Runtime rt(
      {"notification-service", ports::kNotificationService.port,
       [](cxxopts::Options& o) {
         o.add_options()(
             "app-url", "public base URL of the web app (links in emails and pushes)",
             cxxopts::value<std::string>()->default_value(service::env_or(
                 "TODO_APP_URL", "http://127.0.0.1:" + std::to_string(ports::kFrontend.port))))(
             "retry-window", "seconds a failing channel is retried before it is marked failed",
             cxxopts::value<int>()->default_value("600"));
       }},
      argc, argv);
  rt.require_state_store();
  if (!rt.dapr().wait_for_outbound(std::chrono::minutes(2))) {
    spdlog::critical("the Dapr sidecar did not become reachable");
    return 1;
  }
  auth::TokenIssuer tokens(service::read_secret(rt.dapr(), "jwt-signing-key"));
  const auto revocations = service::session_revocations(rt.quick_dapr());
  tokens.check_sessions_with(revocations.get());
  dapr::DaprStateStore store(rt.dapr(), service::kStateStore);

  notify::EmailSender email(rt.dapr());
  notify::NtfySender push(rt.dapr());
  notify::InAppSender in_app(rt.publisher());
  const auth::CredentialBox channel_credentials(
      service::read_secret(rt.dapr(), auth::kChannelCredentialsKeySecret));
  notify::FcmSender fcm(
      [&dapr = rt.dapr()](const std::string& binding, const std::string& operation,
                          const nlohmann::json& data,
                          const std::map<std::string, std::string>& metadata) {
        return dapr.invoke_binding(binding, operation, data, metadata);
      },
      channel_credentials, [] { return time::instant_now(); });
  notify::NotifierConfig config;
  config.app_url = rt.args()["app-url"].as<std::string>();
  config.retry_window = std::chrono::seconds(std::max(1, rt.args()["retry-window"].as<int>()));
  auto& dapr = rt.dapr();
  auto publisher = rt.publisher();
  notify::RetryQueue retry_queue(store);
  notify::Notifier notifier(
      config, store, {&email, &push, &in_app, &fcm},
      [&publisher](const nlohmann::json& failure) {
        publisher.publish(events::kRemindersDeadLetterTopic, failure.value("user_id", ""),
                          {{"type", "todo.notification.failed.v1"}, {"failure", failure}});
      },
      rt.metrics(), [] { return time::instant_now(); }, &retry_queue);
  // Retries are due to the second (the queue's times are whole seconds).
  service::PeriodicWorker retry_worker(
      "reminder retry queue not read", [&notifier] { notifier.retry_due(); },
      std::chrono::seconds(1));
  notify::RetryQueue verification_queue(store, notify::kVerificationRetryPrefix);
  notify::VerificationMailer verification_mailer(
      [&dapr](const events::EmailVerificationRequested& r) {
        return notify::send_verification_email(dapr, r);
      },
      verification_queue, rt.metrics(), [] { return time::instant_now(); });
  service::PeriodicWorker verification_worker(
      "verification retry queue not read",
      [&verification_mailer] { verification_mailer.retry_due(); }, std::chrono::seconds(1));

  // Reminders are independent of each other: taken in batches and delivered side by side, so
  // one slow delivery does not hold the others of its partition. Every entry of a batch runs at
  // once (parallelism = batch size): Dapr's Kafka component hands over one bulk batch at a time
  // for all partitions (one mutex in its consumer), so a batch's duration is the whole
  // service's pace. 32 workers: 155 reminders/s; 100: 164-179/s (docs/benchmarks.md).
  auto reminders = events::subscription_to(service::kPubSub, events::kRemindersTopic);
  reminders.bulk_max_messages = 100;
  reminders.bulk_max_await_ms = 20;
  reminders.bulk_parallelism = 100;
  rt.subscriber().subscribe(
      reminders, [&notifier](const dapr::CloudEvent& ev) { return notifier.handle(ev); });

  notify::ProfileProjection profiles(store);
  auto& registry = rt.metrics();
  rt.subscriber().subscribe(
      events::subscription_to(service::kPubSub, events::kUserEventsTopic),
      [&profiles, &registry, &verification_mailer](const dapr::CloudEvent& ev) {
        if (ev.type == events::kEmailVerificationRequestedType) {
          return verification_mailer.handle(ev);
        }
        const bool applied = profiles.apply(events::parse_user_updated(ev.data));
        registry
            .counter("user_profiles_applied_total", "User events applied to the projection",
                     {{"result", applied ? "applied" : "stale"}})
            .inc();
        return dapr::Outcome::success;
      });

  // The inbox is the only thing the frontend's invocations may reach.
  rt.server().allow_invocation("/api/v1/notifications");
  notify::install_inbox_routes(
      rt.server(), store, tokens, [&publisher](const events::SnoozeTask& c) {
        publisher.publish(events::kTaskCommandsTopic, c.user_id, events::to_json(c));
      });
  retry_worker.start();
  verification_worker.start();
  return rt.run([&retry_worker, &verification_worker] {
    retry_worker.stop();
    verification_worker.stop();
  });
}
