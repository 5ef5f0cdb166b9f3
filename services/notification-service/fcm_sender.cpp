#include "fcm_sender.hpp"

#include <stdexcept>

#include "auth/digest.hpp"
#include "binding_errors.hpp"
#include "dapr/client.hpp"
#include "json/bounded_parse.hpp"

namespace todo::notify {
namespace {

// A token is used only while it has more than this left, so it cannot expire in flight.
constexpr std::chrono::seconds kTokenMargin{60};

// The token endpoint answered 2xx without a usable token: Google is having a bad moment.
struct BadTokenAnswer : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::map<std::string, std::string> binding_metadata(const HttpRequestSpec& request) {
  // The HTTP binding sends metadata keys that start with a capital letter as request headers.
  std::map<std::string, std::string> metadata = request.headers;
  metadata["path"] = url_path(request.url);
  return metadata;
}

// The body as a JSON value: Dapr's HTTP API JSON-encodes binding data, so a string would be sent
// in quotes; a JSON object goes out as the same JSON.
nlohmann::json json_body(const HttpRequestSpec& request) {
  return todo::json::parse_or_throw(request.body, "the FCM request");
}

}  // namespace

std::string token_cache_key(const std::string& user_id, const std::string& key_file) {
  return user_id + "/" + auth::sha256_hex(key_file);
}

std::string url_path(const std::string& url) {
  const auto scheme = url.find("://");
  const auto path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return path == std::string::npos ? "/" : url.substr(path);
}

FcmSender::FcmSender(BindingCall call, const auth::CredentialBox& credentials,
                     std::function<time::Instant()> clock)
    : call_(std::move(call)), credentials_(credentials), clock_(std::move(clock)) {}

std::string FcmSender::unavailable_reason(const Profile& profile) const {
  const auto& c = profile.channels;
  if (!c.fcm) return "FCM is turned off";
  if (c.fcm_device_token.empty()) return "no FCM device token is set";
  if (c.fcm_project_id.empty()) return "no FCM project is set";
  if (c.fcm_credentials.empty()) return "no FCM service account is set";
  return "";
}

std::string FcmSender::access_token(const ServiceAccount& account, const std::string& cache_key) {
  const time::Instant now = clock_();
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = tokens_.find(cache_key);
    if (it != tokens_.end() && it->second.expires > now) return it->second.token;
  }
  // Two sends racing here both fetch a token; both are valid, the later one is kept.
  const HttpRequestSpec request = oauth_token_request(account, fcm_oauth_assertion(account, now));
  const std::string answer =
      call_(kFcmOAuthBinding, "post", json_body(request), binding_metadata(request));
  const auto doc = todo::json::parse(answer);
  if (!doc.is_object() || !doc.contains("access_token") || !doc["access_token"].is_string() ||
      doc["access_token"].get_ref<const std::string&>().empty()) {
    throw BadTokenAnswer("the token endpoint answered without an access_token");
  }
  const auto lifetime =
      std::chrono::seconds(doc.contains("expires_in") && doc["expires_in"].is_number_integer()
                               ? doc["expires_in"].get<std::int64_t>()
                               : 3600);
  std::string token = doc["access_token"].get<std::string>();
  std::lock_guard<std::mutex> lock(mu_);
  if (tokens_.size() > 10000) tokens_.clear();  // a cache, bounded
  tokens_[cache_key] = {token, now + lifetime - kTokenMargin};
  return token;
}

void FcmSender::forget_token(const std::string& cache_key) {
  std::lock_guard<std::mutex> lock(mu_);
  tokens_.erase(cache_key);
}

SendResult FcmSender::send(const ReminderNotice& notice, const Profile& profile) {
  const auto& c = profile.channels;
  // Sealed under another key (rotated) or altered: no retry can open it; the user must set the
  // key file again.
  const auto key_file = credentials_.open(c.fcm_credentials);
  const auto account = key_file ? parse_service_account(*key_file) : std::nullopt;
  if (!account) {
    return {SendOutcome::permanent_failure,
            "the FCM service account cannot be opened; set channels.fcm.service_account again"};
  }
  const std::string cache_key = token_cache_key(profile.user_id, *key_file);
  std::string token;
  try {
    token = access_token(*account, cache_key);
  } catch (const dapr::DaprError& e) {
    // The token endpoint refusing the assertion (4xx: invalid_grant, a deleted key) is final.
    const std::string message = std::string("FCM token: ") + e.what();
    return {classify_binding_error(message), message.substr(0, 500)};
  } catch (const BadTokenAnswer& e) {
    return {SendOutcome::transient_failure, e.what()};
  } catch (const std::invalid_argument& e) {  // the key cannot sign RS256
    return {SendOutcome::permanent_failure, e.what()};
  }
  try {
    const HttpRequestSpec request =
        render_fcm(notice, {c.fcm_project_id, c.fcm_device_token}, token);
    call_(kFcmBinding, "post", json_body(request), binding_metadata(request));
    return {};
  } catch (const dapr::DaprError& e) {
    const std::string message = e.what();
    // 401: the token was revoked or expired early; the retry fetches a new one. Other answers
    // as for every binding (404 UNREGISTERED, 400 INVALID_ARGUMENT and 403 are final).
    if (binding_http_status(message) == 401) {
      forget_token(cache_key);
      return {SendOutcome::transient_failure, message.substr(0, 500)};
    }
    return {classify_binding_error(message), message.substr(0, 500)};
  }
}

}  // namespace todo::notify
