#pragma once
// PostgreSQL array literals for bound parameters ("$3::text[]"): the values travel as parameter
// data, never as SQL text, and every element is quoted so no value can change the array's shape.
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace todo::tasksvc {

// {"a","b \"quoted\""} - each element double-quoted, '"' and '\' backslash-escaped. {} when empty.
std::string pg_text_array(const std::vector<std::string>& values);

// {1,3} - integers need no quoting.
std::string pg_int_array(const std::vector<int>& values);

// The elements of a one-dimensional text[] column as PostgreSQL wrote it. Throws
// std::invalid_argument for a NULL element or a nested array (never stored).
std::vector<std::string> pg_text_array_items(const pqxx::field& field);

}  // namespace todo::tasksvc
