// The user-events contracts: what task-service writes (events::to_json) is what
// notification-service reads (events::parse_*), field for field.
#include <catch2/catch.hpp>

#include "dapr/subscriber.hpp"
#include "events/user_event.hpp"

using namespace todo;

TEST_CASE("a user update reads back as written", "[contracts][users]") {
  events::UserUpdated written;
  written.user_id = "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b10";
  written.name = "Ada";
  written.time_zone = "Europe/London";
  written.channels = {
      {"email", {{"enabled", true}, {"address", "ada@example.org"}, {"verified", true}}}};
  written.version = 1796112000123456;
  const auto read = events::parse_user_updated(events::to_json(written));
  CHECK(read.user_id == written.user_id);
  CHECK(read.name == written.name);
  CHECK(read.time_zone == written.time_zone);
  CHECK(read.channels == written.channels);
  CHECK(read.version == written.version);
}

TEST_CASE("a verification request reads back as written", "[contracts][users]") {
  events::EmailVerificationRequested written;
  written.user_id = "6f1c3a52-3c1e-4c55-9a59-6a1a9c2f3b10";
  written.name = "";
  written.address = "ada@example.org";
  written.link = "https://todo.example/verify-email#token=a.b";
  written.expires_at = "2026-12-09T10:00:00Z";
  const auto read = events::parse_email_verification_requested(events::to_json(written));
  CHECK(read.user_id == written.user_id);
  CHECK(read.name == written.name);
  CHECK(read.address == written.address);
  CHECK(read.link == written.link);
  CHECK(read.expires_at == written.expires_at);
  auto broken = events::to_json(written);
  broken.erase("address");
  CHECK_THROWS_AS(events::parse_email_verification_requested(broken), errors::MalformedMessage);
}
