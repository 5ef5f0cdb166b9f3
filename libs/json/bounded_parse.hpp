#pragma once
// The one way this codebase reads JSON it did not just build itself: HTTP bodies, CloudEvents,
// state-store values, database columns, key files, token parts. nlohmann::json parses
// iteratively, but copying, comparing and dumping a value recurse once per level, so a 200 KB
// body of nested arrays overflows the stack of whichever code touches it next. Text nested
// deeper than kMaxDepth is refused before it is parsed.
#include <nlohmann/json.hpp>
#include <string_view>

namespace todo::json {

// Arrays and objects inside each other; no payload of this platform needs more than a handful.
inline constexpr int kMaxDepth = 64;

enum class ParseFailure { none, malformed, too_deep };

// True when no array or object in `text` is nested deeper than `max_depth` (brackets inside
// strings do not count). Linear, no allocation; says nothing about whether `text` is valid JSON.
bool nesting_within(std::string_view text, int max_depth = kMaxDepth);

// The parsed value, or a discarded value (is_discarded()) when `text` is not JSON or nests
// deeper than `max_depth`; `why`, when given, says which. Never throws.
nlohmann::json parse(std::string_view text, ParseFailure* why = nullptr, int max_depth = kMaxDepth);

// The same, but throws std::invalid_argument (naming `what`) instead of returning a discarded
// value: for text this platform wrote itself, where a failure is a bug or corruption.
nlohmann::json parse_or_throw(std::string_view text, const char* what);

}  // namespace todo::json
