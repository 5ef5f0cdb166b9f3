#pragma once
// Firebase Cloud Messaging HTTP v1: the send request for one due reminder. The access token it
// needs comes from the user's own Google service account (libs/google_oauth). Pure: the caller
// performs the requests.
#include <string>

#include "google_oauth/service_account.hpp"
#include "messages/reminder_notice.hpp"
#include "time/instant.hpp"

namespace todo::notify {

struct FcmTarget {
  std::string project_id;
  std::string device_token;  // the FCM registration token of the user's device
};

using google::HttpRequestSpec;
using google::kGoogleTokenUri;
using google::oauth_token_request;
using google::parse_service_account;
using google::ServiceAccount;

inline constexpr const char* kFcmScope = google::kFirebaseMessagingScope;
inline constexpr std::size_t kFcmTitleMaxBytes = 200;
inline constexpr std::size_t kFcmBodyMaxBytes = 1000;  // the whole message must stay < 4 KB

// POST https://fcm.googleapis.com/v1/projects/{project_id}/messages:send with
// {"message": {"token", "notification": {"title", "body"}, "data": {...string values only...},
//  "android": {"priority", "notification": {"tag"}}, "apns": {"headers": {"apns-priority"}},
//  "webpush": {"fcm_options": {"link"}}}}. webpush.fcm_options.link is set only for an https
// task link (FCM rejects other schemes there).
HttpRequestSpec render_fcm(const ReminderNotice& notice, const FcmTarget& target,
                           const std::string& access_token);

// The RS256 assertion for FCM's scope (google::oauth_assertion).
std::string fcm_oauth_assertion(const ServiceAccount& account, time::Instant now);

}  // namespace todo::notify
