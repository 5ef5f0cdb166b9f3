#pragma once
// The mail that asks an address's owner to confirm it (docs/email-verification.md). Pure, like
// the reminder mail: the caller hands it to the SMTP binding.
#include <string>

#include "events/user_event.hpp"
#include "messages/email_message.hpp"

namespace todo::notify {

// Subject "Confirm your email address for Todo"; the bodies greet `request.name`, show the link
// as a button and as text, and say when it expires and that ignoring it is safe.
EmailMessage render_verification_email(const events::EmailVerificationRequested& request);

}  // namespace todo::notify
