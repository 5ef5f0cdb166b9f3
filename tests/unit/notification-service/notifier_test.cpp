#include "notifier.hpp"

#include <catch2/catch.hpp>

#include "dapr/memory_state_store.hpp"
#include "delivery_ledger.hpp"
#include "events/reminder_due.hpp"
#include "inbox.hpp"
#include "retry_queue.hpp"
#include "time/rfc3339.hpp"

using namespace todo;
using namespace todo::notify;

namespace {

const std::string kUser = "8d3f7a52-6c1e-4b8a-9f0d-2e5c7b1a4d36";

class FakeSender : public ChannelSender {
 public:
  FakeSender(const char* name, std::function<std::string(const Profile&)> reason)
      : name_(name), reason_(std::move(reason)) {}
  const char* name() const override { return name_; }
  std::string unavailable_reason(const Profile& p) const override { return reason_(p); }
  SendResult send(const ReminderNotice& notice, const Profile&) override {
    ++sends;
    last_title = notice.title;
    if (throwing) throw std::runtime_error("unexpected");
    if (failing) return {SendOutcome::transient_failure, "server down"};
    return {};
  }
  int sends = 0;
  bool failing = false;
  bool throwing = false;
  std::string last_title;

 private:
  const char* name_;
  std::function<std::string(const Profile&)> reason_;
};

time::Instant at(const std::string& text) {
  return *time::parse_rfc3339(text);
}

dapr::CloudEvent reminder_event(const std::string& id = "task-1:rem-1:1796112000") {
  dapr::CloudEvent ev;
  ev.id = id;
  ev.type = events::kReminderDueType;
  ev.data = {{"firing_id", id},
             {"task_id", "task-1"},
             {"reminder_id", "rem-1"},
             {"user_id", kUser},
             {"title", "Pay rent"},
             {"description", "bank transfer"},
             {"priority", "high"},
             {"due", "2026-12-01T09:00"},
             {"due_at", "2026-12-01T08:00:00Z"},
             {"time_zone", "Europe/Berlin"},
             {"fire_at", "2026-11-30T08:00:00Z"},
             {"fired_at", "2026-11-30T08:00:00Z"},
             {"late", false},
             {"lateness_seconds", 0},
             {"missed_count", 0}};
  return ev;
}

events::UserUpdated user(bool email, bool push) {
  events::UserUpdated u;
  u.user_id = kUser;
  u.name = "Ada";
  u.time_zone = "Europe/Berlin";
  u.version = 10;
  u.channels = {{"email", {{"enabled", email}, {"address", "ada@example.com"}}},
                {"push", {{"enabled", push}, {"topic", "ada-phone"}}},
                {"in_app", {{"enabled", true}}}};
  return u;
}

struct Fixture {
  dapr::testing::MemoryStateStore store;
  metrics::Registry registry;
  time::Instant now = at("2026-11-30T08:00:00.500Z");
  FakeSender email{"email", [](const Profile& p) { return p.channels.email ? "" : "off"; }};
  FakeSender push{"push", [](const Profile& p) { return p.channels.push ? "" : "off"; }};
  FakeSender in_app{"in_app", [](const Profile&) { return ""; }};
  std::vector<nlohmann::json> dead_letters;
  NotifierConfig config;
  RetryQueue queue{store};
  std::unique_ptr<Notifier> notifier;

  // Without the queue a retry is Kafka's redelivery (RETRY); with it, the queue's.
  explicit Fixture(bool with_queue = false) {
    config.retry_window = std::chrono::seconds(60);
    notifier = std::make_unique<Notifier>(
        config, store, std::vector<ChannelSender*>{&email, &push, &in_app},
        [this](const nlohmann::json& f) { dead_letters.push_back(f); }, registry,
        [this] { return now; }, with_queue ? &queue : nullptr);
  }
  nlohmann::json record(const std::string& channel) {
    return store.get(delivery_key("task-1:rem-1:1796112000"))->value["channels"][channel];
  }
};

}  // namespace

TEST_CASE("each chosen channel is sent once, and a redelivered event sends nothing") {
  Fixture f;
  ProfileProjection(f.store).apply(user(true, true));
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 1);
  CHECK(f.push.sends == 1);
  CHECK(f.in_app.sends == 1);
  CHECK(f.record("email")["status"] == "sent");

  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 1);
  CHECK(f.push.sends == 1);
  CHECK(f.in_app.sends == 1);
  CHECK(Inbox(f.store).list(kUser).size() == 1);
}

TEST_CASE("a channel the user turned off is recorded as skipped and never sent") {
  Fixture f;
  ProfileProjection(f.store).apply(user(false, false));
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 0);
  CHECK(f.push.sends == 0);
  CHECK(f.in_app.sends == 1);
  CHECK(f.record("email")["status"] == "skipped");
  const auto item = Inbox(f.store).list(kUser).at(0);
  CHECK(item["channels"]["email"] == "skipped");
  CHECK(item["channels"]["in_app"] == "pending");
}

TEST_CASE("a redelivered event does not try to write its records again") {
  Fixture f;
  ProfileProjection(f.store).apply(user(false, true));  // email skipped, push and in-app sent
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  const std::size_t refused_before = f.store.refused_first_writes;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  }
  // Each refused first write is a failure to the sidecar's circuit breaker (it opened at 10 in a
  // burst of redeliveries when skipped channels wrote blindly).
  CHECK(f.store.refused_first_writes == refused_before);
  CHECK(f.record("email")["status"] == "skipped");
  CHECK(f.push.sends == 1);
}

TEST_CASE("a reminder costs three state writes whatever its channels: inbox, claim, outcomes") {
  Fixture f;
  ProfileProjection(f.store).apply(user(true, false));  // email and in-app sent, push skipped
  const std::size_t before = f.store.writes;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.store.writes - before == 3);
  CHECK(f.record("email")["status"] == "sent");
  CHECK(f.record("push")["status"] == "skipped");
  CHECK(f.record("in_app")["status"] == "sent");
  // Deleted by the store long after any redelivery could come, so records do not pile up.
  CHECK(f.store.ttl_of.at(delivery_key("task-1:rem-1:1796112000")) == std::chrono::hours(24 * 30));
  // A repeat reads and writes nothing new.
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.store.writes - before == 3);
}

TEST_CASE("a damaged delivery record is retried, not taken as finished") {
  Fixture f;
  ProfileProjection(f.store).apply(user(true, true));
  f.store.put(delivery_key("task-1:rem-1:1796112000"), nlohmann::json("garbage"), "");
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 1);
  CHECK(f.push.sends == 1);
  CHECK(f.record("email")["status"] == "sent");
}

TEST_CASE("without a known profile only the in-app channel is used") {
  Fixture f;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 0);
  CHECK(f.in_app.sends == 1);
}

TEST_CASE("a transient failure asks for redelivery and the retry sends only what is missing") {
  Fixture f;
  ProfileProjection(f.store).apply(user(true, true));
  f.email.failing = true;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::retry);
  CHECK(f.email.sends == 1);
  CHECK(f.record("email")["status"] == "pending");
  CHECK(f.record("email")["attempts"] == 1);

  f.email.failing = false;
  f.now += std::chrono::seconds(30);
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 2);
  CHECK(f.push.sends == 1);
  CHECK(f.in_app.sends == 1);
  CHECK(f.record("email")["status"] == "sent");
  CHECK(f.record("email")["attempts"] == 2);
  CHECK(f.dead_letters.empty());
}

TEST_CASE("a sender that throws is retried and the other channels' outcomes are kept") {
  Fixture f;
  ProfileProjection(f.store).apply(user(true, true));
  f.push.throwing = true;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::retry);
  CHECK(f.record("email")["status"] == "sent");
  CHECK(f.record("push")["status"] == "pending");
  CHECK(f.record("push")["last_error"] == "unexpected");

  f.push.throwing = false;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 1);
  CHECK(f.push.sends == 2);
  CHECK(f.record("push")["status"] == "sent");
}

TEST_CASE("after the retry window a failing channel is marked failed and dead-lettered") {
  Fixture f;
  ProfileProjection(f.store).apply(user(true, false));
  f.email.failing = true;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::retry);
  f.now += std::chrono::seconds(61);
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 1);  // given up without another try
  CHECK(f.record("email")["status"] == "failed");
  REQUIRE(f.dead_letters.size() == 1);
  CHECK(f.dead_letters[0]["channel"] == "email");
  CHECK(f.dead_letters[0]["reminder"]["task_id"] == "task-1");
  // A later redelivery changes nothing.
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.dead_letters.size() == 1);
}

TEST_CASE("a delivery another worker holds is not sent twice") {
  Fixture f;
  ProfileProjection(f.store).apply(user(true, false));
  DeliveryLedger other(f.store, std::chrono::seconds(30));
  const ChannelPlan plan = {{"email", ""}, {"push", "off"}, {"in_app", ""}};
  REQUIRE(other.claim("task-1:rem-1:1796112000", plan, f.now).result == ClaimResult::proceed);
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::retry);
  CHECK(f.email.sends == 0);
  // The holder crashed: once its lease has run out the delivery is taken over.
  f.now += std::chrono::seconds(31);
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.email.sends == 1);
}

TEST_CASE("a malformed reminder is poison") {
  Fixture f;
  auto ev = reminder_event();
  ev.data.erase("user_id");
  CHECK_THROWS_AS(f.notifier->handle(ev), errors::MalformedMessage);
  ev = reminder_event();
  ev.data["fire_at"] = "yesterday";
  CHECK_THROWS_AS(f.notifier->handle(ev), errors::MalformedMessage);
  ev = reminder_event();
  ev.data = "text";
  CHECK_THROWS_AS(f.notifier->handle(ev), errors::MalformedMessage);
  CHECK(f.store.size() == 0);
}

TEST_CASE("the profile projection keeps the newest version") {
  dapr::testing::MemoryStateStore store;
  ProfileProjection profiles(store);
  auto v10 = user(true, false);
  auto v9 = user(false, true);
  v9.version = 9;
  CHECK(profiles.apply(v10));
  CHECK_FALSE(profiles.apply(v9));
  CHECK_FALSE(profiles.apply(v10));
  const auto p = profiles.get(kUser);
  REQUIRE(p);
  CHECK(p->channels.email);
  CHECK_FALSE(p->channels.push);
  CHECK(p->channels.email_address == "ada@example.com");
  CHECK_FALSE(profiles.get("someone-else"));
}

TEST_CASE("the profile projection refuses a version from the future", "[security]") {
  dapr::testing::MemoryStateStore store;
  const auto now = std::chrono::system_clock::time_point(std::chrono::hours(24 * 365 * 56));
  ProfileProjection profiles(store, [now] { return now; });
  const auto micros = [](std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  };
  auto forged = user(true, false);
  forged.version = micros(now + std::chrono::hours(24 * 365 * 100));
  CHECK_THROWS_AS(profiles.apply(forged), errors::MalformedMessage);
  CHECK(store.size() == 0);
  auto skewed = user(true, false);
  skewed.version = micros(now + std::chrono::minutes(4));
  CHECK(profiles.apply(skewed));
}

TEST_CASE("the inbox keeps the newest items first, once each, up to its limit") {
  dapr::testing::MemoryStateStore store;
  Inbox inbox(store);
  for (std::size_t i = 0; i < kInboxLimit + 5; ++i) {
    REQUIRE(inbox.add(kUser, {{"id", "n" + std::to_string(i)}, {"read", false}}));
  }
  CHECK_FALSE(inbox.add(kUser, {{"id", "n" + std::to_string(kInboxLimit + 4)}}));
  const auto items = inbox.list(kUser);
  CHECK(items.size() == kInboxLimit);
  CHECK(items.front()["id"] == "n" + std::to_string(kInboxLimit + 4));
  auto updated = inbox.update(kUser, "n10", [](InboxItem& i) { i["read"] = true; });
  REQUIRE(updated);
  CHECK((*updated)["read"] == true);
  CHECK_FALSE(inbox.update(kUser, "missing", [](InboxItem& i) { i["read"] = true; }));
  CHECK(inbox.list("another-user").empty());
}

TEST_CASE("with the retry queue a transient failure is queued and the event answered at once") {
  Fixture f(/*with_queue=*/true);
  ProfileProjection(f.store).apply(user(true, true));
  f.email.failing = true;
  // SUCCESS: Kafka moves on to other users' reminders instead of redelivering this one.
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  CHECK(f.push.sends == 1);
  CHECK(f.record("email")["status"] == "pending");
  std::size_t queued = 0;
  CHECK(f.queue.due(f.now + std::chrono::seconds(2), &queued).size() == 1);
  CHECK(queued == 1);

  // Not due yet: nothing is sent. First backoff: 1 s +-20%, in whole seconds.
  CHECK(f.notifier->retry_due() == 1);
  CHECK(f.email.sends == 1);

  f.email.failing = false;
  f.now += std::chrono::seconds(2);
  CHECK(f.notifier->retry_due() == 1);  // counted before this pass ran
  CHECK(f.email.sends == 2);
  CHECK(f.push.sends == 1);
  CHECK(f.record("email")["status"] == "sent");
  CHECK(f.queue.due(f.now + std::chrono::hours(1)).empty());
  CHECK(f.notifier->retry_due() == 0);
}

TEST_CASE("queued retries back off and end failed after the window") {
  Fixture f(/*with_queue=*/true);
  ProfileProjection(f.store).apply(user(true, false));
  f.email.failing = true;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);
  const auto first_due = f.queue.due(f.now + std::chrono::hours(1)).at(0).next_at;
  CHECK(first_due <= f.now + std::chrono::seconds(2));

  int passes = 0;
  for (; passes < 100 && f.dead_letters.empty(); ++passes) {
    f.now += std::chrono::seconds(5);
    f.notifier->retry_due();
  }
  CHECK(f.email.sends >= 5);
  CHECK(f.email.sends < 20);  // backed off (up to 15 s apart), not once per pass
  CHECK(f.record("email")["status"] == "failed");
  REQUIRE(f.dead_letters.size() == 1);
  CHECK(f.queue.due(f.now + std::chrono::hours(1)).empty());
}

TEST_CASE("a queued retry survives a restart of the service") {
  Fixture f(/*with_queue=*/true);
  ProfileProjection(f.store).apply(user(true, false));
  f.email.failing = true;
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::success);

  // Another Notifier on the same store, as after a crash: it runs the retry.
  FakeSender email{"email", [](const Profile& p) { return p.channels.email ? "" : "off"; }};
  FakeSender push{"push", [](const Profile& p) { return p.channels.push ? "" : "off"; }};
  FakeSender in_app{"in_app", [](const Profile&) { return ""; }};
  RetryQueue queue(f.store);
  Notifier after_restart(
      f.config, f.store, {&email, &push, &in_app}, [](const nlohmann::json&) {}, f.registry,
      [&f] { return f.now + std::chrono::seconds(3); }, &queue);
  CHECK(after_restart.retry_due() == 1);
  CHECK(email.sends == 1);
  CHECK(in_app.sends == 0);  // sent before the crash
  CHECK(f.record("email")["status"] == "sent");
}

TEST_CASE("when the retry queue cannot be written the event is left to Kafka's redelivery") {
  Fixture f(/*with_queue=*/true);
  ProfileProjection(f.store).apply(user(true, false));
  f.email.failing = true;
  f.store.refuse_prefix = "retry-queue-";
  REQUIRE(f.notifier->handle(reminder_event()) == dapr::Outcome::retry);
  CHECK(f.record("email")["status"] == "pending");
}

TEST_CASE("a reminder's retry shard is the same in every build") {
  // FNV-1a of the id, modulo 16: fixed values, so replicas of different versions agree.
  CHECK(retry_shard_key("task-1:rem-1:1796112000") == retry_shard_key("task-1:rem-1:1796112000"));
  CHECK(retry_shard_key("") == "retry-queue-5");    // 2166136261 % 16
  CHECK(retry_shard_key("a") == "retry-queue-12");  // 0xe40c292c % 16
}

TEST_CASE("a full retry queue shard refuses new reminders but still moves queued ones") {
  dapr::testing::MemoryStateStore store;
  RetryQueue queue(store);
  dapr::CloudEvent event;
  event.id = "x";
  const auto t = at("2026-11-30T08:00:00Z");
  // Ids that land in one shard, until it is full.
  const std::string shard = retry_shard_key("seed");
  std::vector<std::string> ids;
  for (int i = 0; ids.size() < RetryQueue::kMaxPerShard + 1; ++i) {
    const std::string id = "n-" + std::to_string(i);
    if (retry_shard_key(id) == shard) ids.push_back(id);
  }
  nlohmann::json entries = nlohmann::json::object();
  for (std::size_t i = 0; i < RetryQueue::kMaxPerShard; ++i) {
    entries[ids[i]] = {{"event", {{"id", ids[i]}}}, {"next_at", "2026-11-30T08:00:00Z"}};
  }
  store.put(shard, entries);
  CHECK_THROWS_WITH(queue.schedule(ids.back(), event, t), Catch::Contains("full"));
  CHECK_NOTHROW(queue.schedule(ids.front(), event, t + std::chrono::seconds(5)));
  CHECK(queue.due(t).size() == RetryQueue::kMaxPerShard - 1);
}

TEST_CASE("an email address counts as verified only when the event says so", "[security]") {
  auto event = user(true, false);
  CHECK_FALSE(profile_from(event).channels.email_verified);  // absent: an older event
  event.channels["email"]["verified"] = "yes";
  CHECK_FALSE(profile_from(event).channels.email_verified);
  event.channels["email"]["verified"] = true;
  const auto verified = profile_from(event);
  CHECK(verified.channels.email_verified);
  // It survives the round trip through the projection's store.
  CHECK(profile_from_json(to_json(verified)).channels.email_verified);
}
