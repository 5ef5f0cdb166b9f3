#pragma once
// Small pieces every task-service route needs.
#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>

namespace todo::tasksvc {

// The version from If-Match ("3" or "\"3\""); nullopt when absent. 400 when malformed or weak.
std::optional<std::int64_t> if_match_version(const httplib::Request& req);

// The strong ETag of a task version: "\"<version>\"".
std::string etag_for(std::int64_t version);

// The path capture `index` of a regex route.
std::string path_part(const httplib::Request& req, size_t index);

// GET /api/v1/tags?limit=N: 1..kMaxTagListLimit, kMaxTagListLimit when absent; 400 otherwise
// (and for any other parameter).
inline constexpr int kMaxTagListLimit = 1000;
int tag_list_limit(const httplib::Request& req);

}  // namespace todo::tasksvc
