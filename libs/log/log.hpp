#pragma once
// JSON-lines logging for every service: one object per line with time, level, service,
// trace id (when the current request or event carries one) and message.
#include <spdlog/spdlog.h>

#include <string>

namespace todo::log {

// Installs the JSON formatter on the default spdlog logger (stdout).
void init(const std::string& service_name, const std::string& level = "info");

// The W3C trace id of the request or event being handled on this thread ("" if none).
// Set by the HTTP middleware; read by the formatter.
void set_trace_id(std::string trace_id);
const std::string& trace_id();

// Extracts the 32-hex-digit trace id from a W3C traceparent ("00-<trace>-<span>-<flags>").
std::string trace_id_from_traceparent(const std::string& traceparent);

}  // namespace todo::log
