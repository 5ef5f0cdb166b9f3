#include "messages/fcm_message.hpp"

#include <jwt.h>

#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "messages/message_text.hpp"
#include "time/rfc3339.hpp"

namespace todo::notify {
namespace {

constexpr long kAssertionLifetimeSeconds = 3600;

// RFC 3986 unreserved characters stay; every other byte becomes %XX.
std::string percent_encode(const std::string& text) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' ||
                            byte == '.' || byte == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::string fcm_title(const ReminderNotice& n) {
  if (!n.missed.empty()) return std::to_string(n.missed.size()) + " missed reminders";
  return detail::truncate_utf8(detail::one_line(n.title), kFcmTitleMaxBytes);
}

std::string fcm_body(const ReminderNotice& n) {
  std::string text;
  if (!n.missed.empty()) {
    for (const MissedItem& item : n.missed) {
      if (!text.empty()) text += "\n";
      text += detail::one_line(item.title);
      if (item.due_at) text += " (due " + detail::short_time(*item.due_at, n.time_zone) + ")";
    }
    return detail::truncate_utf8(text, kFcmBodyMaxBytes);
  }
  if (n.due_at) {
    text = "Due " + detail::short_time(*n.due_at, n.time_zone, n.due_date_only);
    if (!n.due_date_only) text += " (" + detail::display_zone(n.time_zone) + ")";
  } else {
    text = "No due date";
  }
  if (!n.description.empty()) text += "\n" + n.description;
  return detail::truncate_utf8(text, kFcmBodyMaxBytes);
}

struct JwtDeleter {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};

}  // namespace

HttpRequestSpec render_fcm(const ReminderNotice& notice, const FcmTarget& target,
                           const std::string& access_token) {
  const std::string priority = detail::highest_priority(notice);
  const bool high = priority == "high" || priority == "urgent";

  // FCM data values must all be strings.
  nlohmann::json data = {
      {"type", "reminder"},
      {"task_id", notice.task_id},
      {"notification_id", notice.notification_id},
      {"click_link", notice.task_link},
      {"notification_link", notice.notification_link},
      {"priority", priority},
      {"due_at", notice.due_at ? time::format_rfc3339(*notice.due_at) : std::string()},
      {"missed_count", std::to_string(notice.missed.size())},
  };
  nlohmann::json message = {
      {"token", target.device_token},
      {"notification", {{"title", fcm_title(notice)}, {"body", fcm_body(notice)}}},
      {"data", data},
      {"android",
       {{"priority", high ? "high" : "normal"},
        {"notification", {{"tag", notice.notification_id}}}}},
      {"apns", {{"headers", {{"apns-priority", high ? "10" : "5"}}}}},
  };
  if (starts_with(notice.task_link, "https://")) {
    message["webpush"] = {{"fcm_options", {{"link", notice.task_link}}}};
  }

  HttpRequestSpec request;
  request.method = "POST";
  request.url = "https://fcm.googleapis.com/v1/projects/" + percent_encode(target.project_id) +
                "/messages:send";
  request.headers = {{"Authorization", "Bearer " + access_token},
                     {"Content-Type", "application/json; UTF-8"}};
  // Replace rather than throw on invalid UTF-8 in user text: a reminder must always render.
  request.body = nlohmann::json{{"message", message}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return request;
}

std::optional<ServiceAccount> parse_service_account(const std::string& json) {
  const nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  const auto string_field = [&doc](const char* name) -> std::optional<std::string> {
    const auto it = doc.find(name);
    if (it == doc.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  if (doc.contains("type") &&
      string_field("type") != std::optional<std::string>("service_account")) {
    return std::nullopt;
  }
  ServiceAccount account;
  const auto email = string_field("client_email");
  const auto key = string_field("private_key");
  if (!email || email->empty() || !key || key->find("-----BEGIN") == std::string::npos ||
      key->find("PRIVATE KEY-----") == std::string::npos) {
    return std::nullopt;
  }
  account.client_email = *email;
  account.private_key_pem = *key;
  const auto token_uri = string_field("token_uri");
  account.token_uri = token_uri && !token_uri->empty() ? *token_uri : kGoogleTokenUri;
  account.project_id = string_field("project_id").value_or("");
  return account;
}

std::string oauth_assertion(const ServiceAccount& account, time::Instant now) {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0 || raw == nullptr) throw std::runtime_error("jwt_new failed");
  const std::unique_ptr<jwt_t, JwtDeleter> jwt(raw);
  const long iat = static_cast<long>(now.time_since_epoch().count());
  if (jwt_add_grant(jwt.get(), "iss", account.client_email.c_str()) != 0 ||
      jwt_add_grant(jwt.get(), "scope", kFcmScope) != 0 ||
      jwt_add_grant(jwt.get(), "aud", account.token_uri.c_str()) != 0 ||
      jwt_add_grant_int(jwt.get(), "iat", iat) != 0 ||
      jwt_add_grant_int(jwt.get(), "exp", iat + kAssertionLifetimeSeconds) != 0) {
    throw std::invalid_argument("cannot build the OAuth assertion claims");
  }
  const auto* key = reinterpret_cast<const unsigned char*>(account.private_key_pem.data());
  if (account.private_key_pem.empty() ||
      jwt_set_alg(jwt.get(), JWT_ALG_RS256, key,
                  static_cast<int>(account.private_key_pem.size())) != 0) {
    throw std::invalid_argument("the service account's private key cannot be used");
  }
  char* encoded = jwt_encode_str(jwt.get());  // signs; null when the key is not an RSA key
  if (encoded == nullptr) {
    throw std::invalid_argument("the service account's private key cannot sign RS256");
  }
  std::string assertion(encoded);
  std::free(encoded);
  return assertion;
}

HttpRequestSpec oauth_token_request(const ServiceAccount& account, const std::string& assertion) {
  HttpRequestSpec request;
  request.method = "POST";
  request.url = account.token_uri.empty() ? std::string(kGoogleTokenUri) : account.token_uri;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  request.body = "grant_type=" + percent_encode("urn:ietf:params:oauth:grant-type:jwt-bearer") +
                 "&assertion=" + percent_encode(assertion);
  return request;
}

}  // namespace todo::notify
