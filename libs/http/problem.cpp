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

namespace {

nlohmann::json field_list(const errors::FieldsError& error) {
  nlohmann::json list = nlohmann::json::array();
  for (const errors::FieldError& field : error.fields()) {
    list.push_back({{"field", field.field}, {"message", field.message}});
  }
  return {{"errors", list}};
}

}  // namespace

ProblemError problem_for(const errors::DomainError& error) {
  if (const auto* e = dynamic_cast<const errors::ValidationFailed*>(&error)) {
    return {422, "Validation failed", e->what(), field_list(*e)};
  }
  if (const auto* e = dynamic_cast<const errors::InvalidQuery*>(&error)) {
    return {400, "Invalid query parameter", e->what(), field_list(*e)};
  }
  if (dynamic_cast<const errors::NotFound*>(&error) != nullptr) {
    return {404, "Not found", error.what()};
  }
  if (const auto* e = dynamic_cast<const errors::Conflict*>(&error)) {
    nlohmann::json extra = nullptr;
    if (e->current_version()) extra = {{"current_version", *e->current_version()}};
    return {409, "Conflict", e->what(), extra};
  }
  if (const auto* e = dynamic_cast<const errors::Forbidden*>(&error)) {
    return {403, e->reason(), e->what()};
  }
  return {400, "Bad request", error.what()};  // MalformedMessage, or a kind added later
}

nlohmann::json parse_json_object(const httplib::Request& req) {
  const std::string content_type = req.get_header_value("Content-Type");
  if (!content_type.empty() && content_type.find("json") == std::string::npos) {
    throw ProblemError(415, "Unsupported media type",
                       "the body must be JSON (Content-Type: application/json)");
  }
  json::ParseFailure why = json::ParseFailure::none;
  nlohmann::json body = json::parse(req.body, &why);
  if (why == json::ParseFailure::too_deep) {
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
