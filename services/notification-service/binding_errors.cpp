#include "binding_errors.hpp"

#include <cctype>

namespace todo::notify {
namespace {

// The three-digit code right after `marker` in `message`, or 0.
int code_after(const std::string& message, const std::string& marker) {
  const auto at = message.find(marker);
  if (at == std::string::npos) return 0;
  std::size_t i = at + marker.size();
  while (i < message.size() && message[i] == ' ') ++i;
  if (i + 3 > message.size()) return 0;
  int code = 0;
  for (std::size_t k = i; k < i + 3; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(message[k]))) return 0;
    code = code * 10 + (message[k] - '0');
  }
  return code;
}

}  // namespace

SendOutcome classify_binding_error(const std::string& message) {
  // gomail: "could not send email <n>: <SMTP reply>"
  const auto smtp_at = message.find("could not send email");
  if (smtp_at != std::string::npos) {
    const auto colon = message.find(':', smtp_at);
    if (colon != std::string::npos) {
      const int reply = code_after(message.substr(colon), ":");
      if (reply >= 500 && reply < 600) return SendOutcome::permanent_failure;
    }
    return SendOutcome::transient_failure;
  }
  const int status = binding_http_status(message);
  if (status >= 400 && status < 500 && status != 408 && status != 429)
    return SendOutcome::permanent_failure;
  return SendOutcome::transient_failure;
}

int binding_http_status(const std::string& message) {
  return code_after(message, "received status code");
}

}  // namespace todo::notify
