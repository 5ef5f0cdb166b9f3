#pragma once
// PostgreSQL array literals for bound parameters ("$3::text[]"): the values travel as parameter
// data, never as SQL text, and every element is quoted so no value can change the array's shape.
#include <string>
#include <vector>

namespace todo::tasksvc {

// {"a","b \"quoted\""} - each element double-quoted, '"' and '\' backslash-escaped. {} when empty.
std::string pg_text_array(const std::vector<std::string>& values);

// {1,3} - integers need no quoting.
std::string pg_int_array(const std::vector<int>& values);

}  // namespace todo::tasksvc
