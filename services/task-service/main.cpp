// task-service: the system of record for users and tasks, its REST API, and the outbox that
// publishes every change to task-events and task-updates.
#include <spdlog/spdlog.h>

#include <thread>

#include "api/auth_routes.hpp"
#include "api/email_verification_routes.hpp"
#include "api/task_routes.hpp"
#include "app/task_operations.hpp"
#include "auth/credential_box.hpp"
#include "auth/password_strength.hpp"
#include "commands/command_handler.hpp"
#include "db/migrations.hpp"
#include "db/pool.hpp"
#include "http/problem.hpp"
#include "outbox/relay.hpp"
#include "ports/ports.hpp"
#include "service/attempt_store.hpp"
#include "service/runtime.hpp"
#include "service/secrets.hpp"
#include "service/sessions.hpp"
#include "service/startup.hpp"

int main(int argc, char** argv) {
  using namespace todo;
  service::Runtime rt({"task-service", ports::kTaskService.port,
                       [](cxxopts::Options& o) {
                         o.add_options()("db-pool-size", "PostgreSQL connections",
                                         cxxopts::value<int>()->default_value("8"))(
                             "max-tasks-per-user", "tasks one account may hold",
                             cxxopts::value<std::int64_t>()->default_value(
                                 std::to_string(tasksvc::TaskOperations::kDefaultMaxTasksPerUser)));
                       }},
                      argc, argv);
  if (!auth::password_dictionary_installed()) {
    spdlog::critical("cracklib's dictionary is missing (Debian package cracklib-runtime)");
    return 1;
  }
  if (!rt.dapr().wait_for_outbound(std::chrono::minutes(2))) {
    spdlog::critical("the Dapr sidecar did not become reachable");
    return 1;
  }
  tasksvc::Pool pool(service::read_secret(rt.dapr(), "task-db-connection"),
                     static_cast<size_t>(rt.args()["db-pool-size"].as<int>()));
  // PostgreSQL may start after us; the sidecar serves the secrets before this app listens.
  service::retry_until_done("migrating the database", [&pool] { tasksvc::migrate(pool); });
  const std::string jwt_secret = service::read_secret(rt.dapr(), "jwt-signing-key");
  auth::TokenIssuer tokens(jwt_secret);
  const auto revocations = service::session_revocations(rt.quick_dapr());
  tokens.check_sessions_with(revocations.get());
  const auth::CredentialBox channel_credentials(
      service::read_secret(rt.dapr(), auth::kChannelCredentialsKeySecret));
  // Where browsers reach the web app: verification links in mails point there.
  const tasksvc::EmailVerification verification(
      jwt_secret,
      service::env_or("PUBLIC_URL", "http://localhost:" + std::to_string(ports::kFrontend.port)));
  tasksvc::UserStore users(pool, channel_credentials, verification);
  tasksvc::TaskOperations ops(pool, time::instant_now,
                              rt.args()["max-tasks-per-user"].as<std::int64_t>());

  rt.readiness().add("postgresql", [&pool]() -> std::optional<std::string> {
    if (pool.ping()) return std::nullopt;
    return "the tasks database does not answer";
  });
  // The public API is the only thing the frontend's invocations may reach.
  rt.server().allow_invocation("/api/v1/");
  // Attempt counters live in the Dapr state store, shared by every replica.
  service::DaprAttemptStore attempt_store(rt.quick_dapr(), service::kStateStore);
  auth::AttemptLimiter limiter(attempt_store);
  tasksvc::install_auth_routes(rt.server(), users, tokens, limiter);
  tasksvc::install_email_verification_routes(rt.server(), users, verification, tokens, limiter);
  tasksvc::install_task_routes(rt.server(), ops, pool, users, tokens);
  rt.server().get("/api/v1/version", [](const httplib::Request&, httplib::Response& res) {
    http::send_json(res, 200, {{"service", "task-service"}, {"api", "v1"}});
  });

  tasksvc::CommandHandler commands(ops, rt.metrics());
  rt.subscriber().subscribe(
      {service::kPubSub, "task-commands", "/events/task-commands", "task-commands-dlq"},
      [&commands](const dapr::CloudEvent& ev) { return commands(ev); });

  tasksvc::OutboxRelay relay(pool, rt.publisher(), rt.metrics(), "task-service");
  relay.start();
  return rt.run([&relay] { relay.stop(); });
}
