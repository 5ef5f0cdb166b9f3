#pragma once
// Tags: normalized so that "#Work", " work " and "WORK" are one tag, "work".
#include <cstddef>
#include <string>
#include <vector>

#include "time/parse_result.hpp"

namespace todo::tasks {

constexpr std::size_t kMaxTags = 20;
constexpr std::size_t kMaxTagLength = 40;  // code points, after normalization

// Trims, strips one leading '#', lower-cases ASCII letters, turns inner runs of whitespace into a
// single '-'. The result must be 1-40 code points of ASCII letters, digits, '-', '_', '.' or any
// non-ASCII character (so "café" and "日本" are tags; non-ASCII letters are not case-folded).
ParseResult<std::string> normalize_tag(const std::string& raw);

// Drops repeats of already-normalized tags, keeping the first occurrence's position.
std::vector<std::string> dedupe_tags(const std::vector<std::string>& normalized);

}  // namespace todo::tasks
