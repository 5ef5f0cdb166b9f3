// The account routes' bodies (services/task-service/users/profile_validation.hpp): signup,
// login, refresh/logout and PATCH /api/v1/me (with its channels, FCM key file included). Each
// answers bad input with the errors::ValidationFailed (the API's 422) and nothing else.
#include "fuzz_util.hpp"
#include "http/problem.hpp"
#include "users/profile_validation.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace svc = todo::tasksvc;
  using todo::errors::ValidationFailed;
  const nlohmann::json body = todo::fuzz::json_body(data, size);
  todo::fuzz::documented<ValidationFailed>([&] {
    const auto input = svc::validate_signup(body);
    FUZZ_CHECK(!input.email.empty() && !input.password.empty() && !input.time_zone.empty());
  });
  todo::fuzz::documented<ValidationFailed>([&] { (void)svc::validate_login(body); });
  todo::fuzz::documented<ValidationFailed>([&] { (void)svc::validate_refresh_request(body); });
  todo::fuzz::documented<ValidationFailed>([&] {
    const nlohmann::json patch = svc::validate_profile_patch(body);
    FUZZ_CHECK(patch.is_object());
  });
  return 0;
}
