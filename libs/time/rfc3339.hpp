#pragma once
// RFC 3339 instants: how every instant is written in storage, events and API answers.
#include <string>

#include "time/instant.hpp"
#include "time/parse_result.hpp"

namespace todo::time {

// "YYYY-MM-DDTHH:MM:SSZ", always UTC, always whole seconds.
std::string format_rfc3339(Instant instant);

// Strict RFC 3339 date-time: "YYYY-MM-DDTHH:MM:SS", optional fraction (truncated to the second),
// then "Z" or a "+HH:MM" / "-HH:MM" offset. "T" and "Z" may be lower case (RFC 3339 §5.6 note).
// Seconds are required; no leap second (:60); nothing may follow the offset.
ParseResult<Instant> parse_rfc3339(const std::string& text);

}  // namespace todo::time
