#pragma once
// The FCM channel: a push to the user's device through their own Firebase project (HTTP v1).
// Two Dapr HTTP output bindings carry it: `fcm-oauth` (Google's token endpoint; the user's
// service-account assertion becomes an access token, kept until shortly before it expires) and
// `fcm` (messages:send with that token). The key file arrives sealed on the user's profile and is
// opened here only for the moment of signing.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "auth/credential_box.hpp"
#include "channel_sender.hpp"
#include "messages/fcm_message.hpp"
#include "time/instant.hpp"

namespace todo::notify {

inline constexpr const char* kFcmOAuthBinding = "fcm-oauth";
inline constexpr const char* kFcmBinding = "fcm";

// Invokes a Dapr output binding and returns the response body; throws dapr::DaprError.
using BindingCall = std::function<std::string(
    const std::string& binding, const std::string& operation, const nlohmann::json& data,
    const std::map<std::string, std::string>& metadata)>;

class FcmSender : public ChannelSender {
 public:
  // `credentials` opens the key files task-service sealed (the same channel-credentials-key).
  FcmSender(BindingCall call, const auth::CredentialBox& credentials,
            std::function<time::Instant()> clock);
  const char* name() const override { return "fcm"; }
  std::string unavailable_reason(const Profile& profile) const override;
  SendResult send(const ReminderNotice& notice, const Profile& profile) override;

 private:
  struct CachedToken {
    std::string token;
    time::Instant expires;
  };
  // A valid access token for the service account, from the cache or the token endpoint.
  // `cache_key` names the user and their exact key file (token_cache_key).
  std::string access_token(const ServiceAccount& account, const std::string& cache_key);
  void forget_token(const std::string& cache_key);

  BindingCall call_;
  const auth::CredentialBox& credentials_;
  std::function<time::Instant()> clock_;
  std::mutex mu_;
  std::unordered_map<std::string, CachedToken> tokens_;  // by token_cache_key
};

// Where a user's access token is cached: their user id and the SHA-256 of their key file. Not
// the key file's client_email: any user can upload a file that claims someone else's.
std::string token_cache_key(const std::string& user_id, const std::string& key_file);

// "https://host/a/b" -> "/a/b": the part of a Google URL an HTTP binding takes as `path`.
std::string url_path(const std::string& url);

}  // namespace todo::notify
