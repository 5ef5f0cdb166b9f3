#pragma once
// Random (version 4) UUIDs from libsodium's CSPRNG, and strict parsing of UUID strings.
#include <string>

namespace todo::ids {

std::string new_uuid();
// True for the canonical 8-4-4-4-12 hex form (any case).
bool is_uuid(const std::string& s);

}  // namespace todo::ids
