#include "messages/verification_email.hpp"

#include "messages/message_text.hpp"

namespace todo::notify {

EmailMessage render_verification_email(const events::EmailVerificationRequested& request) {
  using detail::html_escape;
  using detail::one_line;
  const std::string name = one_line(detail::truncate_code_points(request.name, 80));
  const std::string greeting = name.empty() ? "Hello," : "Hello " + name + ",";
  const std::string why =
      "Please confirm that reminders for your Todo account may be sent to this address.";
  const std::string safe =
      "If you did not ask for this, ignore this mail: nothing will be sent to you.";
  const std::string expiry = "The link works until " + request.expires_at + ".";

  EmailMessage m;
  m.subject = "Confirm your email address for Todo";
  m.text = greeting + "\n\n" + why + "\n\n" + request.link + "\n\n" + expiry + "\n" + safe + "\n";
  m.html =
      "<!doctype html><html><body style=\"margin:0;padding:24px;font-family:Arial,Helvetica,"
      "sans-serif;font-size:15px;line-height:1.5;color:#18181b\"><p>" +
      html_escape(greeting) + "</p><p>" + html_escape(why) + "</p><p><a href=\"" +
      html_escape(request.link) +
      "\" style=\"display:inline-block;padding:10px 16px;background-color:#2563eb;color:#ffffff;"
      "text-decoration:none;border-radius:6px;font-weight:bold\">Confirm this address</a></p>"
      "<p style=\"word-break:break-all\">" +
      html_escape(request.link) + "</p><p>" + html_escape(expiry) + "<br>" + html_escape(safe) +
      "</p></body></html>";
  return m;
}

}  // namespace todo::notify
