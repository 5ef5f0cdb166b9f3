#pragma once
// Refuses passwords that are common or guessable (OWASP ASVS 2.1.7), with cracklib: Debian's
// packed dictionary of words and known passwords (cracklib-runtime), and its rules for
// systematic ("12345678") and repetitive ("aaaaaaaa") strings, after its usual mangling
// ("Password1" is "password").
#include <optional>
#include <string>

namespace todo::auth {

// True when cracklib's dictionary is installed. Without it cracklib ends the process, so a
// service that checks passwords asks this once at start-up and refuses to run without it.
bool password_dictionary_installed();

// Why `password` is too weak, in cracklib's words ("it is based on a dictionary word"), or
// nullopt when it passes. `email`: a password built from the account's own address is weak too.
std::optional<std::string> weak_password_reason(const std::string& password,
                                                const std::string& email);

}  // namespace todo::auth
