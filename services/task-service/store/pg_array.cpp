#include "store/pg_array.hpp"

#include <stdexcept>

namespace todo::tasksvc {

std::string pg_text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    // Quoting every element (not only those that need it) keeps NULL, empty strings, commas and
    // braces literal without a list of special cases.
    out += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

std::string pg_int_array(const std::vector<int>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  out += '}';
  return out;
}

std::vector<std::string> pg_text_array_items(const pqxx::field& field) {
  std::vector<std::string> items;
  pqxx::array_parser parser = field.as_array();
  int depth = 0;
  for (;;) {
    auto [juncture, value] = parser.get_next();
    switch (juncture) {
      case pqxx::array_parser::row_start:
        if (++depth > 1) throw std::invalid_argument("tags: nested array");
        break;
      case pqxx::array_parser::row_end:
        --depth;
        break;
      case pqxx::array_parser::null_value:
        throw std::invalid_argument("tags: NULL element");
      case pqxx::array_parser::string_value:
        items.push_back(std::move(value));
        break;
      case pqxx::array_parser::done:
        return items;
    }
  }
}

}  // namespace todo::tasksvc
