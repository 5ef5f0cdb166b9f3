// Google service-account key files (libs/google_oauth/service_account.hpp): parse_service_account
// on any text; a file it accepts goes through what task-service and notification-service do with
// it: the RS256 assertion (std::invalid_argument when the key cannot sign) and the token request.
#include "fuzz_util.hpp"
#include "google_oauth/service_account.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace google = todo::google;
  const auto account = google::parse_service_account(todo::fuzz::text(data, size));
  if (!account) return 0;
  FUZZ_CHECK(!account->client_email.empty() && !account->token_uri.empty());
  todo::fuzz::documented<std::invalid_argument>([&] {
    const std::string assertion =
        google::oauth_assertion(*account, google::kFirebaseMessagingScope, todo::fuzz::fixed_now());
    const auto request = google::oauth_token_request(*account, assertion);
    FUZZ_CHECK(request.url == account->token_uri && !request.body.empty());
  });
  (void)google::percent_encode(account->client_email);
  return 0;
}
