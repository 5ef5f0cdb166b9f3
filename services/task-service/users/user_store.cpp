#include "users/user_store.hpp"

#include "errors/domain_error.hpp"
#include "events/user_event.hpp"
#include "ids/uuid.hpp"
#include "json/bounded_parse.hpp"
#include "outbox/outbox.hpp"
#include "time/rfc3339.hpp"
#include "users/channels.hpp"
#include "users/email.hpp"

namespace todo::tasksvc {
namespace {

// The columns read_user expects, in order; the password hash comes last when asked for.
constexpr const char* kUserColumns =
    "id::text, email, name, time_zone, channels::text, "
    "floor(extract(epoch FROM created_at))::bigint";

User read_user(const pqxx::row& row) {
  User user;
  user.id = row[0].as<std::string>();
  user.email = row[1].as<std::string>();
  user.name = row[2].as<std::string>();
  user.time_zone = row[3].as<std::string>();
  user.channels = todo::json::parse_or_throw(row[4].as<std::string>(), "a user's channels column");
  user.created_at =
      time::format_rfc3339(time::Instant(std::chrono::seconds(row[5].as<long long>())));
  return user;
}

std::string select_users(const std::string& where) {
  return std::string("SELECT ") + kUserColumns + ", password_hash FROM users WHERE " + where;
}

// Tells other services (notification-service's projection) about the account, in the
// transaction that changed it, so the projection can never miss a change.
void announce(pqxx::work& tx, const User& user) {
  events::UserUpdated event;
  event.user_id = user.id;
  event.name = user.name;
  event.time_zone = user.time_zone;
  event.channels = effective_channels(user.channels, user.email);
  event.version = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  enqueue(tx, {events::kUserEventsTopic, user.id, events::kUserUpdatedType, to_json(event)});
}

}  // namespace

UserStore::UserStore(Pool& pool, const auth::CredentialBox& credentials,
                     const EmailVerification& verification)
    : pool_(pool), credentials_(credentials), verification_(verification) {}

void UserStore::ask_for_verification(pqxx::work& tx, const User& user) const {
  const std::string address = effective_email_address(user.channels, user.email);
  enqueue(tx, {events::kUserEventsTopic, user.id, events::kEmailVerificationRequestedType,
               to_json(verification_.request(user, address))});
}

std::optional<User> UserStore::create(const std::string& email, const std::string& password_hash,
                                      const std::string& name, const std::string& time_zone) {
  return pool_.with([&](pqxx::connection& conn) -> std::optional<User> {
    pqxx::work tx(conn);
    // No error for a taken address: the caller answers both cases alike.
    const auto rows = tx.exec_params(
        std::string("INSERT INTO users (id, email, email_key, password_hash, name, time_zone, "
                    "channels) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) "
                    "ON CONFLICT (email_key) DO NOTHING RETURNING ") +
            kUserColumns,
        ids::new_uuid(), email, email_key(email), password_hash, name, time_zone,
        default_channels().dump());
    if (rows.empty()) return std::nullopt;
    User user = read_user(rows[0]);
    announce(tx, user);
    ask_for_verification(tx, user);
    tx.commit();
    return user;
  });
}

UserStore::Verification UserStore::verify_email(const std::string& id,
                                                const std::string& address_key) {
  if (!ids::is_uuid(id)) return Verification::stale;
  return pool_.with([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    const auto current =
        tx.exec_params("SELECT channels::text, email FROM users WHERE id = $1 FOR UPDATE", id);
    if (current.empty()) return Verification::stale;
    const auto channels =
        todo::json::parse_or_throw(current[0][0].as<std::string>(), "a user's channels column");
    const std::string address = effective_email_address(channels, current[0][1].as<std::string>());
    // A link for an address the account has moved away from verifies nothing.
    if (email_key(address) != address_key) return Verification::stale;
    // Opened again: nothing to write, nothing to announce.
    if (effective_channels(channels, current[0][1].as<std::string>())["email"]["verified"]
            .get<bool>())
      return Verification::verified;
    const auto rows = tx.exec_params(
        std::string("UPDATE users SET channels = $2::jsonb, updated_at = now() WHERE id = $1 "
                    "RETURNING ") +
            kUserColumns,
        id, with_verified_address(channels, address).dump());
    announce(tx, read_user(rows[0]));
    tx.commit();
    return Verification::verified;
  });
}

UserStore::Verification UserStore::resend_verification(const std::string& id) {
  const auto user = get(id);
  if (!user) return Verification::stale;
  if (effective_channels(user->channels, user->email)["email"]["verified"].get<bool>())
    return Verification::verified;
  pool_.with([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    ask_for_verification(tx, *user);
    tx.commit();
    return 0;
  });
  return Verification::sent;
}

std::optional<std::pair<User, std::string>> UserStore::find_by_email(const std::string& email) {
  return pool_.with([&](pqxx::connection& conn) -> std::optional<std::pair<User, std::string>> {
    pqxx::nontransaction tx(conn);
    const auto rows = tx.exec_params(select_users("email_key = $1"), email_key(email));
    if (rows.empty()) return std::nullopt;
    return std::make_pair(read_user(rows[0]), rows[0][6].as<std::string>());
  });
}

std::optional<User> UserStore::get(const std::string& id) {
  // A non-UUID would make PostgreSQL fail the cast; it cannot name an account anyway.
  if (!ids::is_uuid(id)) return std::nullopt;
  return pool_.with([&](pqxx::connection& conn) -> std::optional<User> {
    pqxx::nontransaction tx(conn);
    const auto rows = tx.exec_params(select_users("id = $1"), id);
    if (rows.empty()) return std::nullopt;
    return read_user(rows[0]);
  });
}

std::optional<std::string> UserStore::time_zone_of(const std::string& id) {
  constexpr auto kTtl = std::chrono::seconds(30);
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(zones_mu_);
    auto it = zones_.find(id);
    if (it != zones_.end() && now - it->second.fetched < kTtl) return it->second.zone;
  }
  auto user = get(id);
  if (!user) return std::nullopt;
  std::lock_guard<std::mutex> lock(zones_mu_);
  if (zones_.size() > 100000) zones_.clear();  // bounded: a cache, not a copy of the table
  zones_[id] = {user->time_zone, now};
  return user->time_zone;
}

User UserStore::update_profile(const std::string& id, const nlohmann::json& validated_patch,
                               const std::function<void()>& may_mail) {
  {
    std::lock_guard<std::mutex> lock(zones_mu_);
    zones_.erase(id);
  }
  if (!ids::is_uuid(id)) throw errors::NotFound("the account does not exist");
  return pool_.with([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    // The lock makes read-merge-write of channels safe against a concurrent PATCH.
    const auto current =
        tx.exec_params("SELECT channels::text FROM users WHERE id = $1 FOR UPDATE", id);
    if (current.empty()) throw errors::NotFound("the account does not exist");
    nlohmann::json channels =
        todo::json::parse_or_throw(current[0][0].as<std::string>(), "a user's channels column");
    const nlohmann::json channels_before = channels;
    if (validated_patch.contains("channels")) {
      channels = merge_channels(
          channels, seal_channel_credentials(validated_patch.at("channels"), credentials_));
      check_channels(channels);
    }
    std::optional<std::string> name, time_zone;
    if (validated_patch.contains("name")) name = validated_patch.at("name").get<std::string>();
    if (validated_patch.contains("time_zone")) {
      time_zone = validated_patch.at("time_zone").get<std::string>();
    }
    const auto rows =
        tx.exec_params(std::string("UPDATE users SET name = coalesce($2, name), "
                                   "time_zone = coalesce($3, time_zone), channels = $4::jsonb, "
                                   "updated_at = now() WHERE id = $1 RETURNING ") +
                           kUserColumns,
                       id, nullable(name), nullable(time_zone), channels.dump());
    User user = read_user(rows[0]);
    announce(tx, user);
    // A new destination for mail gets a link before anything else is sent to it.
    const auto effective = effective_channels(user.channels, user.email)["email"];
    if (effective["address"] !=
            effective_channels(channels_before, user.email)["email"]["address"] &&
        !effective["verified"].get<bool>()) {
      if (may_mail) may_mail();  // may throw 429: the transaction is rolled back
      ask_for_verification(tx, user);
    }
    tx.commit();
    return user;
  });
}

void UserStore::store_refresh(const std::string& user_id, const std::string& token_hash,
                              const std::string& session_id, std::chrono::seconds ttl) {
  pool_.with([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    tx.exec_params(
        "DELETE FROM refresh_tokens WHERE user_id = $1 "
        "AND (expires_at <= now() OR revoked_at < now() - interval '7 days')",
        user_id);
    tx.exec_params(
        "INSERT INTO refresh_tokens (token_hash, user_id, session_id, expires_at) "
        "VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision))",
        token_hash, user_id, session_id, static_cast<long long>(ttl.count()));
    tx.commit();
    return 0;
  });
}

UserStore::RefreshUse UserStore::consume_refresh(const std::string& token_hash) {
  return pool_.with([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    const auto live = tx.exec_params(
        "UPDATE refresh_tokens SET revoked_at = now() "
        "WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now() "
        "RETURNING user_id::text, session_id::text",
        token_hash);
    RefreshUse use;
    if (!live.empty()) {
      use = {RefreshUse::Kind::live, live[0][0].as<std::string>(), live[0][1].as<std::string>()};
    } else {
      const auto spent = tx.exec_params(
          "SELECT session_id::text FROM refresh_tokens "
          "WHERE token_hash = $1 AND revoked_at IS NOT NULL",
          token_hash);
      if (!spent.empty()) {
        use = {RefreshUse::Kind::reused, "", spent[0][0].as<std::string>()};
        tx.exec_params(
            "UPDATE refresh_tokens SET revoked_at = now() "
            "WHERE session_id = $1 AND revoked_at IS NULL",
            use.session_id);
      }
    }
    tx.commit();
    return use;
  });
}

std::optional<std::string> UserStore::end_session_of(const std::string& token_hash) {
  return pool_.with([&](pqxx::connection& conn) -> std::optional<std::string> {
    pqxx::work tx(conn);
    const auto rows = tx.exec_params(
        "UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now()) "
        "WHERE session_id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1) "
        "RETURNING session_id::text",
        token_hash);
    tx.commit();
    if (rows.empty()) return std::nullopt;
    return rows[0][0].as<std::string>();
  });
}

}  // namespace todo::tasksvc
