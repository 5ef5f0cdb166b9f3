#include "delivery_ledger.hpp"

#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

std::string instant_text(time::Instant t) {
  return time::format_rfc3339(t);
}

time::Instant instant_or(const nlohmann::json& j, const char* name, time::Instant fallback) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) return fallback;
  auto parsed = time::parse_rfc3339(it->get<std::string>());
  return parsed ? *parsed : fallback;
}

}  // namespace

const char* to_string(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::pending:
      return "pending";
    case DeliveryStatus::sent:
      return "sent";
    case DeliveryStatus::failed:
      return "failed";
    case DeliveryStatus::skipped:
      return "skipped";
  }
  return "pending";
}

std::optional<DeliveryStatus> delivery_status_from(const std::string& s) {
  if (s == "pending") return DeliveryStatus::pending;
  if (s == "sent") return DeliveryStatus::sent;
  if (s == "failed") return DeliveryStatus::failed;
  if (s == "skipped") return DeliveryStatus::skipped;
  return std::nullopt;
}

nlohmann::json to_json(const DeliveryRecord& r) {
  nlohmann::json j = {{"status", to_string(r.status)},
                      {"attempts", r.attempts},
                      {"first_attempt_at", instant_text(r.first_attempt_at)},
                      {"lease_until", instant_text(r.lease_until)}};
  if (!r.last_error.empty()) j["last_error"] = r.last_error;
  if (r.finished_at) j["finished_at"] = instant_text(*r.finished_at);
  return j;
}

DeliveryRecord record_from_json(const nlohmann::json& j) {
  DeliveryRecord r;
  if (!j.is_object()) return r;
  if (auto s = j.find("status"); s != j.end() && s->is_string()) {
    r.status = delivery_status_from(s->get<std::string>()).value_or(DeliveryStatus::pending);
  }
  if (auto a = j.find("attempts"); a != j.end() && a->is_number_integer())
    r.attempts = a->get<int>();
  r.first_attempt_at = instant_or(j, "first_attempt_at", time::Instant{});
  r.lease_until = instant_or(j, "lease_until", time::Instant{});
  if (auto e = j.find("last_error"); e != j.end() && e->is_string()) r.last_error = *e;
  if (j.contains("finished_at")) r.finished_at = instant_or(j, "finished_at", time::Instant{});
  return r;
}

std::string delivery_key(const std::string& notification_id, const std::string& channel) {
  return "delivery-" + notification_id + "-" + channel;
}

Claim DeliveryLedger::claim(const std::string& key, time::Instant now) {
  // Two rounds are enough: a conflict means someone else wrote the record, and the second read
  // sees what they wrote.
  for (int round = 0; round < 3; ++round) {
    auto existing = store_.get(key);
    if (!existing) {
      DeliveryRecord fresh;
      fresh.first_attempt_at = now;
      fresh.lease_until = now + lease_;
      try {
        store_.create(key, to_json(fresh));
        return {ClaimResult::proceed, fresh};
      } catch (const WriteConflict&) {
        continue;  // created by a concurrent worker: read it
      }
    }
    DeliveryRecord record = record_from_json(existing->value);
    if (record.status != DeliveryStatus::pending) return {ClaimResult::finished, record};
    if (record.lease_until > now) return {ClaimResult::busy, record};
    record.lease_until = now + lease_;
    try {
      store_.put(key, to_json(record), existing->etag);
      return {ClaimResult::proceed, record};
    } catch (const WriteConflict&) {
      continue;
    }
  }
  return {ClaimResult::busy, {}};
}

void DeliveryLedger::finish(const std::string& key, DeliveryRecord record, DeliveryStatus status,
                            time::Instant now, const std::string& error) {
  record.status = status;
  if (status == DeliveryStatus::sent) ++record.attempts;
  if (!error.empty()) record.last_error = error;
  record.finished_at = now;
  record.lease_until = now;
  store_.put(key, to_json(record));
}

void DeliveryLedger::attempt_failed(const std::string& key, DeliveryRecord record,
                                    const std::string& error, time::Instant now) {
  ++record.attempts;
  record.last_error = error;
  record.lease_until = now;
  store_.put(key, to_json(record));
}

void DeliveryLedger::skip(const std::string& key, const std::string& reason, time::Instant now) {
  // Read first, as claim does: a refused first write counts as a failure to the sidecar's
  // component retry and circuit breaker, and a redelivered batch of reminders would otherwise
  // refuse one per skipped channel, enough to open the breaker for every state call.
  if (store_.get(key)) return;  // decided before: a redelivery keeps the first decision
  DeliveryRecord record;
  record.status = DeliveryStatus::skipped;
  record.first_attempt_at = now;
  record.lease_until = now;
  record.last_error = reason;
  record.finished_at = now;
  try {
    store_.create(key, to_json(record));
  } catch (const WriteConflict&) {
    // A concurrent delivery of the same event decided first: keep its decision.
  }
}

}  // namespace todo::notify
