#include "http/problem.hpp"

#include "json/bounded_parse.hpp"

namespace todo::http {

void send_problem(httplib::Response& res, int status, const std::string& title,
                  const std::string& detail, const nlohmann::json& extra) {
  nlohmann::json body = {{"type", "about:blank"}, {"title", title}, {"status", status}};
  if (!detail.empty()) body["detail"] = detail;
  if (extra.is_object()) body.update(extra);
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/problem+json");
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

nlohmann::json parse_json_object(const httplib::Request& req) {
  const std::string content_type = req.get_header_value("Content-Type");
  if (!content_type.empty() && content_type.find("json") == std::string::npos) {
    throw ProblemError(415, "Unsupported media type",
                       "the body must be JSON (Content-Type: application/json)");
  }
  json::ParseFailure why = json::ParseFailure::kNone;
  nlohmann::json body = json::parse(req.body, &why);
  if (why == json::ParseFailure::kTooDeep) {
    throw ProblemError(400, "Malformed JSON",
                       "the request body nests arrays or objects deeper than " +
                           std::to_string(json::kMaxDepth) + " levels");
  }
  if (body.is_discarded()) {
    throw ProblemError(400, "Malformed JSON", "the request body is not valid JSON");
  }
  if (!body.is_object()) {
    throw ProblemError(400, "Malformed JSON", "the request body must be a JSON object");
  }
  return body;
}

}  // namespace todo::http
