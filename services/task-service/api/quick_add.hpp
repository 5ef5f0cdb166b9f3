#pragma once
// POST /api/v1/quick-add: one line of text read as a task (libs/quickadd), for the web app's
// quick-add box and for chat clients. It creates nothing: the client shows the recognised parts,
// then POSTs the answer's "task" to /api/v1/tasks.
//
// Request: {"text": "Pay rent every month on the 1st at 9am p1 #bills remind 1 day before",
//           "time_zone": "Europe/Berlin" (optional; absent or null: the caller's zone)}
// Answer:  {"task": {create body}, "parts": [{"kind","start","end","text"}], "due_at",
//           "rrule", "summary", "next": [3 UTC instants], "warnings": [...]}
#include <nlohmann/json.hpp>
#include <string>

#include "time/instant.hpp"

namespace todo::tasksvc {

constexpr std::size_t kQuickAddMaxLength = 500;  // code points

struct QuickAddRequest {
  std::string text;
  std::string zone;
};

// Throws errors::ValidationFailed listing every problem, each naming its field: text missing, not
// a string, blank, not UTF-8, over 500 characters, or holding control characters other than tabs
// and line breaks; time_zone not an IANA name; unknown members.
QuickAddRequest parse_quick_add_request(const nlohmann::json& body, const std::string& caller_zone);

nlohmann::json quick_add(const QuickAddRequest& request, time::Instant now);

}  // namespace todo::tasksvc
