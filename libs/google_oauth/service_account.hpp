#pragma once
// Google's OAuth 2.0 service-account flow (RFC 7523 JWT bearer grant): reading a service-account
// key file, and the signed assertion and token request that exchange it for an access token.
// Pure: the caller performs the requests (notification-service through a Dapr HTTP binding), and
// task-service uses the same checks to refuse a key file that could never sign.
#include <map>
#include <optional>
#include <string>

#include "time/instant.hpp"

namespace todo::google {

struct HttpRequestSpec {
  std::string method, url;
  std::map<std::string, std::string> headers;
  std::string body;
};

inline constexpr const char* kGoogleTokenUri = "https://oauth2.googleapis.com/token";
inline constexpr const char* kJwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
inline constexpr const char* kFirebaseMessagingScope =
    "https://www.googleapis.com/auth/firebase.messaging";

// The fields of a Google service-account key file that the token flow needs.
struct ServiceAccount {
  std::string client_email, private_key_pem, token_uri;
  std::string project_id;  // the file's project_id (may be empty)
};

// A Google service-account key file ({"type": "service_account", "client_email", "private_key",
// "token_uri", "project_id", ...}). Empty when the text is not JSON, "type" is present and is not
// "service_account", or client_email / private_key is missing or not a PEM private key.
// A missing token_uri means Google's (kGoogleTokenUri).
std::optional<ServiceAccount> parse_service_account(const std::string& json);

// The RS256-signed JWT assertion {"iss": client_email, "scope": scope, "aud": token_uri,
// "iat": now, "exp": now + 3600}. Throws std::invalid_argument when the key cannot sign.
std::string oauth_assertion(const ServiceAccount& account, const std::string& scope,
                            time::Instant now);

// POST token_uri, application/json
// {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": <assertion>}.
// JSON rather than the usual form body because the only way out is a Dapr HTTP binding, and
// Dapr's HTTP API JSON-encodes a binding's data (a form string would arrive in quotes); Google's
// token endpoint takes both (google-auth's token requests have a JSON mode for the same URI).
// The answer is {"access_token", "expires_in", "token_type": "Bearer"}.
HttpRequestSpec oauth_token_request(const ServiceAccount& account, const std::string& assertion);

// RFC 3986: unreserved characters stay, every other byte becomes %XX.
std::string percent_encode(const std::string& text);

}  // namespace todo::google
