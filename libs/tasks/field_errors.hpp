#pragma once
// Helpers of the body validators: the collector of field problems is errors::FieldErrors (one
// home for every service), named here so the validators read FieldErrors.
#include <nlohmann/json.hpp>

#include "errors/field_errors.hpp"

namespace todo::tasks {

using errors::FieldError;
using errors::FieldErrors;
using errors::indexed;

// A body member, or null when it is missing: for validation both mean "not given", and so
// they do for the optional members of a stored task (task_from_json).
const nlohmann::json& member_or_null(const nlohmann::json& body, const char* name);

// Throws errors::ValidationFailed (field "") unless the body is a JSON object.
void require_object(const nlohmann::json& body);

}  // namespace todo::tasks
