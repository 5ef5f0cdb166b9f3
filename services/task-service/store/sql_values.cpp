#include "store/sql_values.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "tasks/text.hpp"
#include "text/utf8.hpp"

namespace todo::tasksvc {

bool storable_instant(time::Instant instant) {
  constexpr long long kFirst = -62135596800LL;  // 0001-01-01T00:00:00Z
  constexpr long long kLast = 253402300799LL;   // 9999-12-31T23:59:59Z
  const long long seconds = instant.time_since_epoch().count();
  return seconds >= kFirst && seconds <= kLast;
}

bool is_sql_real(const std::string& text) {
  // strtod alone would also take "nan", "inf", hex floats and leading spaces.
  if (text.empty() || text.size() > 32) return false;
  if (text.find_first_not_of("0123456789.eE+-") != std::string::npos) return false;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE) return false;
  return std::isfinite(value) && std::fabs(value) <= 3.4e38;
}

bool is_clean_text(const std::string& text) {
  return text::utf8_length(text).has_value() &&
         !tasks::has_control_characters(text, /*allow_line_breaks=*/false);
}

}  // namespace todo::tasksvc
