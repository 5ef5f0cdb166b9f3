#pragma once
// Firebase Cloud Messaging HTTP v1: the send request for one due reminder, and the OAuth 2.0
// service-account flow (RFC 7523 JWT bearer grant) that gets the access token it needs from a
// user's own Google service-account credentials. Pure: the caller performs the requests.
#include <map>
#include <optional>
#include <string>

#include "messages/reminder_notice.hpp"
#include "time/instant.hpp"

namespace todo::notify {

struct FcmTarget {
  std::string project_id;
  std::string device_token;  // the FCM registration token of the user's device
};

struct HttpRequestSpec {
  std::string method, url;
  std::map<std::string, std::string> headers;
  std::string body;
};

inline constexpr const char* kFcmScope = "https://www.googleapis.com/auth/firebase.messaging";
inline constexpr const char* kGoogleTokenUri = "https://oauth2.googleapis.com/token";
inline constexpr std::size_t kFcmTitleMaxBytes = 200;
inline constexpr std::size_t kFcmBodyMaxBytes = 1000;  // the whole message must stay < 4 KB

// POST https://fcm.googleapis.com/v1/projects/{project_id}/messages:send with
// {"message": {"token", "notification": {"title", "body"}, "data": {...string values only...},
//  "android": {"priority", "notification": {"tag"}}, "apns": {"headers": {"apns-priority"}},
//  "webpush": {"fcm_options": {"link"}}}}. webpush.fcm_options.link is set only for an https
// task link (FCM rejects other schemes there).
HttpRequestSpec render_fcm(const ReminderNotice& notice, const FcmTarget& target,
                           const std::string& access_token);

// The fields of a Google service-account key file that the token flow needs.
struct ServiceAccount {
  std::string client_email, private_key_pem, token_uri;
  std::string project_id;  // the file's project_id (may be empty): the default FCM project
};

// A Google service-account key file ({"type": "service_account", "client_email", "private_key",
// "token_uri", "project_id", ...}). Empty when the text is not JSON, "type" is present and is not
// "service_account", or client_email / private_key is missing or not a PEM private key.
// A missing token_uri means Google's (kGoogleTokenUri).
std::optional<ServiceAccount> parse_service_account(const std::string& json);

// The RS256-signed JWT assertion {"iss": client_email, "scope": kFcmScope, "aud": token_uri,
// "iat": now, "exp": now + 3600}. Throws std::invalid_argument when the key cannot sign.
std::string oauth_assertion(const ServiceAccount& account, time::Instant now);

// POST token_uri, application/x-www-form-urlencoded
// grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<assertion> (form-encoded).
// The answer is {"access_token", "expires_in", "token_type": "Bearer"}.
HttpRequestSpec oauth_token_request(const ServiceAccount& account, const std::string& assertion);

}  // namespace todo::notify
