#pragma once
// RFC 9457 problem details: every error answer of every service goes through here.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "errors/domain_error.hpp"

namespace todo::http {

// Writes an application/problem+json answer. `extra` members (e.g. "errors") are merged in.
void send_problem(httplib::Response& res, int status, const std::string& title,
                  const std::string& detail = "", const nlohmann::json& extra = nullptr);

// Writes a JSON answer with the given status.
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

// An error a handler throws to answer with a problem; thrown, so validation code stays linear.
class ProblemError : public std::runtime_error {
 public:
  ProblemError(int status, std::string title, std::string detail = "",
               nlohmann::json extra = nullptr)
      : std::runtime_error(detail.empty() ? title : detail),
        status_(status),
        title_(std::move(title)),
        detail_(std::move(detail)),
        extra_(std::move(extra)) {}
  int status() const { return status_; }
  const std::string& title() const { return title_; }
  const std::string& detail() const { return detail_; }
  const nlohmann::json& extra() const { return extra_; }

 private:
  int status_;
  std::string title_;
  std::string detail_;
  nlohmann::json extra_;
};

// The one translation of a domain error into a problem: ValidationFailed 422 "Validation
// failed", InvalidQuery 400 "Invalid query parameter" (both with "errors": [{"field",
// "message"}]), MalformedMessage 400 "Bad request", NotFound 404, Conflict 409 (with
// "current_version" when known), Forbidden 403 titled by its reason.
ProblemError problem_for(const errors::DomainError& error);

// Parses a request body as a JSON object, or throws a 400/415 ProblemError that says why.
nlohmann::json parse_json_object(const httplib::Request& req);

}  // namespace todo::http
