#include "api/request_helpers.hpp"

#include "http/problem.hpp"

namespace todo::tasksvc {

std::optional<std::int64_t> if_match_version(const httplib::Request& req) {
  if (!req.has_header("If-Match")) return std::nullopt;
  std::string v = req.get_header_value("If-Match");
  // If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches, so taking it as
  // the version would apply a change the client only weakly validated.
  if (v.rfind("W/", 0) == 0) {
    throw http::ProblemError(400, "Invalid If-Match",
                             "If-Match needs the strong ETag (\"3\"); a weak one (W/\"3\") never "
                             "matches");
  }
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
    throw http::ProblemError(400, "Invalid If-Match",
                             "If-Match must carry the task's ETag (its version), e.g. \"3\"");
  }
  return std::stoll(v);
}

std::string etag_for(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

int tag_list_limit(const httplib::Request& req) {
  for (const auto& [name, value] : req.params) {
    if (name != "limit") {
      throw http::ProblemError(400, "Bad query", "unknown query parameter (known: limit)");
    }
  }
  if (!req.has_param("limit")) return kMaxTagListLimit;
  const std::string text = req.get_param_value("limit");
  const bool digits = !text.empty() && text.size() <= 4 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  const int limit = digits ? std::stoi(text) : 0;
  if (limit < 1 || limit > kMaxTagListLimit || req.get_param_value_count("limit") != 1) {
    throw http::ProblemError(
        400, "Bad query",
        "limit must be one integer from 1 to " + std::to_string(kMaxTagListLimit));
  }
  return limit;
}

std::string path_part(const httplib::Request& req, size_t index) {
  return index < req.matches.size() ? req.matches[index].str() : std::string();
}

}  // namespace todo::tasksvc
