// The Dapr client's requests and its reading of answers, against an in-process fake sidecar.
// (The real sidecar is exercised by the end-to-end tests.)
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>

#include "dapr/client.hpp"
#include "fake_sidecar.hpp"

using todo::testing::FakeSidecar;

TEST_CASE("publish sends the token, the partition key and a raw CloudEvent", "[dapr]") {
  FakeSidecar fake;
  httplib::Request seen;  // written by the handler before it answers, read after the answer
  fake.server.Post(R"(/v1.0/publish/ps/t)", [&](const auto& req, auto& res) {
    seen = req;
    res.status = 204;
  });
  fake.start();
  auto c = fake.client();
  c.publish("ps", "t", {{"id", "e1"}}, {"user 1", true});
  CHECK(seen.get_header_value("dapr-api-token") == "tok");
  CHECK(seen.get_header_value("Content-Type") == "application/cloudevents+json");
  CHECK(seen.get_param_value("metadata.partitionKey") == "user 1");
  CHECK(nlohmann::json::parse(seen.body)["id"] == "e1");
}

TEST_CASE("a transient failure is retried, a client error is not", "[dapr]") {
  FakeSidecar fake;
  std::atomic<int> calls{0};
  fake.server.Post(R"(/v1.0/publish/ps/flaky)",
                   [&](const auto&, auto& res) { res.status = ++calls < 3 ? 503 : 204; });
  fake.server.Post(R"(/v1.0/publish/ps/bad)", [&](const auto&, auto& res) {
    res.status = 400;
    res.set_content(R"({"errorCode":"ERR_BAD"})", "application/json");
  });
  fake.start();
  auto c = fake.client(3);
  c.publish("ps", "flaky", {{"a", 1}});
  CHECK(calls == 3);
  try {
    c.publish("ps", "bad", {{"a", 1}});
    FAIL("expected an error");
  } catch (const todo::dapr::DaprError& e) {
    CHECK(e.status() == 400);
    CHECK(e.error_code() == "ERR_BAD");
    CHECK_FALSE(e.transient());
  }
}

TEST_CASE("an unreachable sidecar is a transient error", "[dapr]") {
  todo::dapr::ClientOptions o;
  o.http_port = 1;  // nothing listens there
  o.max_attempts = 2;
  o.first_backoff = std::chrono::milliseconds(1);
  todo::dapr::Client c(o);
  try {
    c.publish("ps", "t", {{"a", 1}});
    FAIL("expected an error");
  } catch (const todo::dapr::DaprError& e) {
    CHECK(e.status() == 0);
    CHECK(e.transient());
  }
  CHECK_FALSE(c.sidecar_healthy());
}

TEST_CASE("bulk publish returns the failed entries", "[dapr]") {
  FakeSidecar fake;
  fake.server.Post(R"(/v1.0-alpha1/publish/bulk/ps/t)", [](const auto& req, auto& res) {
    auto body = nlohmann::json::parse(req.body);
    REQUIRE(body.size() == 2);
    CHECK(body[0]["contentType"] == "application/cloudevents+json");
    CHECK(body[1]["metadata"]["partitionKey"] == "u2");
    res.status = 500;
    res.set_content(R"({"failedEntries":[{"entryId":"b","error":"x"}],"errorCode":"E"})",
                    "application/json");
  });
  fake.start();
  auto c = fake.client(1);
  auto failed = c.bulk_publish(
      "ps", "t", {{"a", {{"id", "a"}}, {}}, {"b", {{"id", "b"}}, {{"partitionKey", "u2"}}}});
  REQUIRE(failed.size() == 1);
  CHECK(failed[0] == "b");
}

TEST_CASE("state: missing key, ETag read, conflict on save", "[dapr]") {
  FakeSidecar fake;
  fake.server.Get(R"(/v1.0/state/s/missing)", [](const auto&, auto& res) { res.status = 204; });
  fake.server.Get(R"(/v1.0/state/s/k)", [](const auto&, auto& res) {
    res.set_header("ETag", "abc");
    res.set_content(R"({"n":1})", "application/json");
  });
  std::atomic<int> saves{0};
  fake.server.Post(R"(/v1.0/state/s)", [&](const auto& req, auto& res) {
    ++saves;
    auto body = nlohmann::json::parse(req.body);
    CHECK(body[0]["etag"] == "stale");
    CHECK(body[0]["options"]["concurrency"] == "first-write");
    res.status = 409;
  });
  fake.start();
  auto c = fake.client(3);
  CHECK_FALSE(c.get_state("s", "missing"));
  auto item = c.get_state("s", "k");
  REQUIRE(item);
  CHECK(item->value["n"] == 1);
  CHECK(item->etag == "abc");
  todo::dapr::StateWrite w;
  w.key = "k";
  w.value = 2;
  w.etag = "stale";
  CHECK_THROWS_AS(c.save_state("s", {w}), todo::dapr::EtagMismatch);
  CHECK(saves == 1);  // a conditional save is never retried blindly
}

TEST_CASE("state transaction shape, and its conflict is recognised", "[dapr]") {
  FakeSidecar fake;
  fake.server.Post(R"(/v1.0/state/s/transaction)", [](const auto& req, auto& res) {
    auto ops = nlohmann::json::parse(req.body)["operations"];
    CHECK(ops[0]["operation"] == "upsert");
    CHECK(ops[1]["operation"] == "delete");
    CHECK_FALSE(ops[1]["request"].contains("value"));
    res.status = 500;
    res.set_content(R"({"errorCode":"ERR_STATE_TRANSACTION","message":"possible etag mismatch"})",
                    "application/json");
  });
  fake.start();
  auto c = fake.client();
  todo::dapr::StateOperation up{todo::dapr::StateOperation::Kind::upsert,
                                {"a", 1, "e1", false, {}}};
  todo::dapr::StateOperation del{todo::dapr::StateOperation::Kind::remove,
                                 {"b", nullptr, {}, false, {}}};
  CHECK_THROWS_AS(c.transact_state("s", {up, del}), todo::dapr::EtagMismatch);
}

TEST_CASE("secrets, bindings and invocation", "[dapr]") {
  FakeSidecar fake;
  fake.server.Get(R"(/v1.0/secrets/store/db)", [](const auto&, auto& res) {
    res.set_content(R"({"db":"host=x"})", "application/json");
  });
  fake.server.Post(R"(/v1.0/bindings/smtp)", [](const auto& req, auto& res) {
    auto body = nlohmann::json::parse(req.body);
    CHECK(body["operation"] == "create");
    CHECK(body["metadata"]["emailTo"] == "a@b.c");
    res.status = 200;
  });
  fake.server.Get(R"(/v1.0/invoke/app/method/api/v1/x)", [](const auto& req, auto& res) {
    CHECK(req.get_param_value("q") == "1");
    res.set_header("ETag", "\"3\"");
    res.set_content("{}", "application/json");
  });
  fake.start();
  auto c = fake.client();
  CHECK(c.get_secret("store", "db").at("db") == "host=x");
  c.invoke_binding("smtp", "create", "hello", {{"emailTo", "a@b.c"}});
  auto r = c.invoke("app", "/api/v1/x?q=1", "GET");
  CHECK(r.status == 200);
  CHECK(r.headers.at("etag") == "\"3\"");
}
