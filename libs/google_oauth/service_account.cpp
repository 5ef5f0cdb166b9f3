#include "google_oauth/service_account.hpp"

#include <jwt.h>

#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "json/bounded_parse.hpp"

namespace todo::google {
namespace {

constexpr long kAssertionLifetimeSeconds = 3600;

struct JwtDeleter {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};

}  // namespace

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

std::optional<ServiceAccount> parse_service_account(const std::string& json) {
  const nlohmann::json doc = todo::json::parse(json);
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

std::string oauth_assertion(const ServiceAccount& account, const std::string& scope,
                            time::Instant now) {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0 || raw == nullptr) throw std::runtime_error("jwt_new failed");
  const std::unique_ptr<jwt_t, JwtDeleter> jwt(raw);
  const long iat = static_cast<long>(now.time_since_epoch().count());
  if (jwt_add_grant(jwt.get(), "iss", account.client_email.c_str()) != 0 ||
      jwt_add_grant(jwt.get(), "scope", scope.c_str()) != 0 ||
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
  request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  request.body = nlohmann::json{{"grant_type", kJwtBearerGrant}, {"assertion", assertion}}.dump();
  return request;
}

}  // namespace todo::google
