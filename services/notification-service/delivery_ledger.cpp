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

bool DeliveryRecord::finished() const {
  for (const auto& [name, channel] : channels) {
    if (channel.status == DeliveryStatus::pending) return false;
  }
  return true;
}

nlohmann::json to_json(const DeliveryRecord& r) {
  nlohmann::json channels = nlohmann::json::object();
  for (const auto& [name, c] : r.channels) {
    nlohmann::json j = {{"status", to_string(c.status)},
                        {"attempts", c.attempts},
                        {"first_attempt_at", instant_text(c.first_attempt_at)}};
    if (!c.last_error.empty()) j["last_error"] = c.last_error;
    if (c.finished_at) j["finished_at"] = instant_text(*c.finished_at);
    channels[name] = std::move(j);
  }
  return {{"channels", std::move(channels)}, {"lease_until", instant_text(r.lease_until)}};
}

namespace {

ChannelDelivery channel_from_json(const nlohmann::json& j) {
  ChannelDelivery c;
  if (!j.is_object()) return c;
  if (auto s = j.find("status"); s != j.end() && s->is_string()) {
    c.status = delivery_status_from(s->get<std::string>()).value_or(DeliveryStatus::pending);
  }
  if (auto a = j.find("attempts"); a != j.end() && a->is_number_integer())
    c.attempts = a->get<int>();
  c.first_attempt_at = instant_or(j, "first_attempt_at", time::Instant{});
  if (auto e = j.find("last_error"); e != j.end() && e->is_string()) c.last_error = *e;
  if (j.contains("finished_at")) c.finished_at = instant_or(j, "finished_at", time::Instant{});
  return c;
}

// Puts each planned channel the record lacks into it: skipped with its reason, or pending.
void add_missing_channels(DeliveryRecord& record, const ChannelPlan& plan, time::Instant now) {
  for (const auto& [name, reason] : plan) {
    if (record.channels.count(name)) continue;
    ChannelDelivery& c = record.channels[name];
    c.first_attempt_at = now;
    if (!reason.empty()) {
      c.status = DeliveryStatus::skipped;
      c.last_error = reason;
      c.finished_at = now;
    }
  }
}

}  // namespace

DeliveryRecord record_from_json(const nlohmann::json& j) {
  DeliveryRecord r;
  if (!j.is_object()) return r;
  if (auto channels = j.find("channels"); channels != j.end() && channels->is_object()) {
    for (const auto& [name, value] : channels->items()) r.channels[name] = channel_from_json(value);
  }
  r.lease_until = instant_or(j, "lease_until", time::Instant{});
  return r;
}

std::string delivery_key(const std::string& notification_id) {
  return "deliveries-" + notification_id;
}

Claim DeliveryLedger::claim(const std::string& notification_id, const ChannelPlan& plan,
                            time::Instant now) {
  const std::string key = delivery_key(notification_id);
  // Three rounds are plenty: a conflict means someone else wrote the record, and the next read
  // sees what they wrote.
  for (int round = 0; round < 3; ++round) {
    auto existing = store_.get(key);
    if (!existing) {
      DeliveryRecord fresh;
      add_missing_channels(fresh, plan, now);
      fresh.lease_until = now + lease_;
      try {
        store_.create(key, to_json(fresh), retention_);
        return {fresh.finished() ? ClaimResult::finished : ClaimResult::proceed, fresh, true};
      } catch (const dapr::WriteConflict&) {
        continue;  // created by a concurrent worker: read it
      }
    }
    DeliveryRecord record = record_from_json(existing->value);
    add_missing_channels(record, plan, now);  // only a damaged record, or a channel added since
    if (record.finished()) return {ClaimResult::finished, record, false};
    if (record.lease_until > now) return {ClaimResult::busy, record, false};
    record.lease_until = now + lease_;
    try {
      store_.put(key, to_json(record), existing->etag, retention_);
      return {ClaimResult::proceed, record, false};
    } catch (const dapr::WriteConflict&) {
      continue;
    }
  }
  return {ClaimResult::busy, {}, false};
}

void DeliveryLedger::record(const std::string& notification_id, DeliveryRecord record,
                            time::Instant now) {
  record.lease_until = now;
  store_.put(delivery_key(notification_id), to_json(record), "", retention_);
}

}  // namespace todo::notify
