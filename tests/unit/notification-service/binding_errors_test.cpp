#include "binding_errors.hpp"

#include <catch2/catch.hpp>

using namespace todo::notify;

TEST_CASE("binding failures that a retry cannot fix are permanent") {
  const std::string prefix =
      R"(binding email failed: HTTP 500: {"errorCode":"ERR_INVOKE_OUTPUT_BINDING","message":"error invoking output binding email: error from smtp binding, sending email failed: )";
  CHECK(classify_binding_error(prefix +
                               R"(gomail: could not send email 1: 550 5.1.1 no such user"})") ==
        SendOutcome::permanent_failure);
  CHECK(classify_binding_error(prefix + R"(gomail: could not send email 1: 451 try later"})") ==
        SendOutcome::transient_failure);
  CHECK(classify_binding_error(prefix +
                               R"(dial tcp 127.0.0.1:2525: connect: connection refused"})") ==
        SendOutcome::transient_failure);
  CHECK(classify_binding_error("binding push-ntfy failed: HTTP 500: received status code 400") ==
        SendOutcome::permanent_failure);
  CHECK(classify_binding_error("received status code 429") == SendOutcome::transient_failure);
  CHECK(classify_binding_error("received status code 408") == SendOutcome::transient_failure);
  CHECK(classify_binding_error("received status code 503") == SendOutcome::transient_failure);
  CHECK(classify_binding_error("sidecar unreachable") == SendOutcome::transient_failure);
  CHECK(classify_binding_error("received status code 4") == SendOutcome::transient_failure);
  CHECK(classify_binding_error("") == SendOutcome::transient_failure);
}
