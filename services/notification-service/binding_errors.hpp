#pragma once
// Telling a failure that will pass from one that never will, from what the Dapr bindings say.
// Both bindings answer every failure as HTTP 500 ERR_INVOKE_OUTPUT_BINDING; the reason is in the
// message: the SMTP server's reply code ("gomail: could not send email 1: 550 ...") or the push
// server's HTTP status ("received status code 400").
#include <string>

#include "channel_sender.hpp"

namespace todo::notify {

// permanent_failure for an SMTP 5xx reply or an HTTP 4xx answer (but 408 and 429), which a retry
// cannot change (no such mailbox, invalid topic); transient_failure for everything else: refused
// connections, timeouts, SMTP 4xx, HTTP 5xx, a sidecar that does not answer.
SendOutcome classify_binding_error(const std::string& message);

// The HTTP status an HTTP binding reported ("received status code 401"), or 0.
int binding_http_status(const std::string& message);

}  // namespace todo::notify
