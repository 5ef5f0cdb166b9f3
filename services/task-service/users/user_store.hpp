#pragma once
// Accounts and refresh tokens in PostgreSQL (tables users and refresh_tokens, db/migrations.cpp).
// Every method borrows one pooled connection and runs one transaction; errors other than the
// domain errors named below are pqxx exceptions (the server answers those with a 500).
#include <chrono>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "auth/credential_box.hpp"
#include "db/pool.hpp"
#include "users/email_verification.hpp"
#include "users/user.hpp"

namespace todo::tasksvc {

class UserStore {
 public:
  // `credentials` seals the third-party credentials a profile patch carries (FCM key files);
  // `verification` makes the links that new mail addresses are sent.
  UserStore(Pool& pool, const auth::CredentialBox& credentials,
            const EmailVerification& verification);

  // Inserts an account with a new UUID and default channels (users/channels.hpp) and asks for a
  // verification link to its email, in one transaction. Arguments are validated already
  // (validate_signup; hash_password). nullopt when the email's key is taken (nothing changes).
  std::optional<User> create(const std::string& email, const std::string& password_hash,
                             const std::string& name, const std::string& time_zone);

  enum class Verification {
    verified,  // verify_email: done; resend_verification: was verified already
    sent,      // resend_verification: a new link is on its way
    stale,     // no such account, or the address is no longer the account's mail address
  };
  // Marks `address_key` (email_key of the address) verified for the account when it is still
  // where the account's mail goes.
  Verification verify_email(const std::string& id, const std::string& address_key);
  // Asks for a new link to the account's mail address unless it is verified.
  Verification resend_verification(const std::string& id);

  // The account and its password hash, matched case-insensitively (email_key of the trimmed
  // address).
  std::optional<std::pair<User, std::string>> find_by_email(const std::string& email);

  // nullopt for an unknown id, including anything that is not a UUID.
  std::optional<User> get(const std::string& id);

  // The account's IANA zone, which every task create and list needs: served from memory for
  // up to 30 s (this instance forgets it at once when the profile changes here; another
  // task-service instance may use the old zone for up to 30 s). nullopt for an unknown id.
  std::optional<std::string> time_zone_of(const std::string& id);

  // Applies a patch from validate_profile_patch: name and time_zone replace, channels merge
  // member by member (merge_channels) under a row lock, then check_channels (422 when push ends
  // up enabled without a topic). A new mail address that is not verified gets a link. A key file in
  // the patch is sealed first (seal_channel_credentials). Throws errors::NotFound when the account
  // does not exist.
  // `may_mail` is asked, inside the transaction, before a verification mail is requested; when
  // it throws, nothing changes (the caller's limit on mails).
  User update_profile(const std::string& id, const nlohmann::json& validated_patch,
                      const std::function<void()>& may_mail = {});

  // Remembers a refresh token (by its hash) of session `session_id` for `ttl`; also drops the
  // user's expired tokens and those revoked over a week ago. Spent tokens are kept that long so
  // that their reuse is recognised.
  void store_refresh(const std::string& user_id, const std::string& token_hash,
                     const std::string& session_id, std::chrono::seconds ttl);

  struct RefreshUse {
    enum class Kind { live, reused, unknown } kind = Kind::unknown;
    std::string user_id;     // live
    std::string session_id;  // live and reused
  };
  // Spends a live (unexpired, unrevoked) token in one statement: a refresh token works once, and
  // two concurrent uses cannot both succeed. A token that was already spent is reuse: its whole
  // session is revoked (every token of it) and reused names the session.
  RefreshUse consume_refresh(const std::string& token_hash);

  // Ends the session a token belongs to (every token of it) and returns its id; nullopt for an
  // unknown token (logout is idempotent).
  std::optional<std::string> end_session_of(const std::string& token_hash);

 private:
  struct CachedZone {
    std::string zone;
    std::chrono::steady_clock::time_point fetched;
  };
  void ask_for_verification(pqxx::work& tx, const User& user) const;

  Pool& pool_;
  const auth::CredentialBox& credentials_;
  const EmailVerification& verification_;
  std::mutex zones_mu_;
  std::unordered_map<std::string, CachedZone> zones_;
};

}  // namespace todo::tasksvc
