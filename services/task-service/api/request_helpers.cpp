#include "api/request_helpers.hpp"

#include "http/problem.hpp"

namespace todo::tasksvc {

std::optional<std::int64_t> if_match_version(const httplib::Request& req) {
  if (!req.has_header("If-Match")) return std::nullopt;
  std::string v = req.get_header_value("If-Match");
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
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

std::string path_part(const httplib::Request& req, size_t index) {
  return index < req.matches.size() ? req.matches[index].str() : std::string();
}

}  // namespace todo::tasksvc
