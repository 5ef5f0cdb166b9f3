#pragma once
// Internal: checks that a value from a request fits the PostgreSQL type its parameter is cast to,
// so bad input is a 400 here rather than a database error (and a 500) later.
#include <string>

#include "time/instant.hpp"

namespace todo::tasksvc {

// 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z: what format_rfc3339 writes as four-digit years
// and timestamptz accepts (year 0000 is out of its range).
bool storable_instant(time::Instant instant);

// A plain decimal or exponent number ("0.6079271", "1e-20") that is finite as a PostgreSQL real.
bool is_sql_real(const std::string& text);

// Well-formed UTF-8 without control characters (PostgreSQL text cannot hold NUL at all).
bool is_clean_text(const std::string& text);

}  // namespace todo::tasksvc
