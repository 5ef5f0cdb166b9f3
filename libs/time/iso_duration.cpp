#include "time/iso_duration.hpp"

#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace todo::time {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kWeek = 7 * kDay;
// Nine digits per unit keeps every sum far from overflow (10^9 weeks is about 6e14 seconds).
constexpr std::size_t kMaxDigits = 9;
// The longest duration: its canonical spelling (format_iso8601_duration) must parse again, so
// its day count, too, must fit nine digits. Found by fuzzing: P999999998DT444488880H parsed,
// and was written back as P1018520368D, which did not.
constexpr std::int64_t kMaxTotal = 999'999'999 * kDay;

// Designators in the only order they may appear; 'T' separates the date and time parts.
constexpr std::string_view kOrder = "WDTHMS";

std::int64_t unit_seconds(char designator) {
  switch (designator) {
    case 'W':
      return kWeek;
    case 'D':
      return kDay;
    case 'H':
      return kHour;
    case 'M':
      return kMinute;
    default:
      return 1;  // 'S'
  }
}

}  // namespace

ParseResult<std::chrono::seconds> parse_iso8601_duration(const std::string& text) {
  const std::string_view view(text);
  if (view.empty()) return ParseError{"must be an ISO 8601 duration like PT15M, PT1H30M or P1D"};
  if (view[0] == '-') return ParseError{"negative durations are not allowed"};
  if (view[0] != 'P')
    return ParseError{"must be an ISO 8601 duration starting with 'P', like PT15M"};

  std::int64_t total = 0;
  std::size_t order_pos = 0;  // index in kOrder of the next designator allowed
  bool in_time = false, any_unit = false, any_time_unit = false, has_weeks = false;
  std::size_t pos = 1;
  while (pos < view.size()) {
    if (view[pos] == 'T') {
      if (in_time) return ParseError{"'T' may appear only once"};
      in_time = true;
      order_pos = kOrder.find('T') + 1;
      ++pos;
      continue;
    }
    const std::size_t digits_start = pos;
    std::int64_t value = 0;
    while (pos < view.size() && view[pos] >= '0' && view[pos] <= '9') {
      value = value * 10 + (view[pos] - '0');
      if (++pos - digits_start > kMaxDigits)
        return ParseError{"a number in the duration is too large"};
    }
    if (pos == digits_start) return ParseError{"expected a number before each unit, like PT15M"};
    if (pos == view.size()) return ParseError{"the number at the end has no unit (D, H, M, S...)"};
    const char designator = view[pos++];
    if (designator == '.' || designator == ',')
      return ParseError{"fractional values are not allowed"};
    if (!in_time && (designator == 'Y' || designator == 'M')) {
      return ParseError{
          "years and months are not allowed because their length varies; use days (P30D) or "
          "weeks (P4W)"};
    }
    if (!in_time && (designator == 'H' || designator == 'S')) {
      return ParseError{"hours, minutes and seconds must follow a 'T', like PT2H or PT45S"};
    }
    const std::size_t index = kOrder.find(designator);
    const bool valid_here = index != std::string_view::npos && designator != 'T' &&
                            (in_time ? index > kOrder.find('T') : index < kOrder.find('T'));
    if (!valid_here) {
      return ParseError{std::string("unexpected '") + designator + "' in the duration"};
    }
    if (index < order_pos) {
      return ParseError{"units must appear once each, in the order W, D, then T, H, M, S"};
    }
    order_pos = index + 1;
    if (designator == 'W') has_weeks = true;
    if (in_time) any_time_unit = true;
    any_unit = true;
    total += value * unit_seconds(designator);
  }
  if (in_time && !any_time_unit) {
    return ParseError{"'T' must be followed by hours, minutes or seconds, like PT15M"};
  }
  if (!any_unit) return ParseError{"an empty duration has no units; write e.g. PT15M or P1D"};
  if (total > kMaxTotal) return ParseError{"the duration is too long (at most 999999999 days)"};
  if (has_weeks && order_pos > kOrder.find('W') + 1) {
    return ParseError{"weeks cannot be combined with other units (write P9D instead of P1W2D)"};
  }
  return std::chrono::seconds{total};
}

std::string format_iso8601_duration(std::chrono::seconds duration) {
  std::int64_t rest = duration.count();
  if (rest < 0) throw std::invalid_argument("a duration to format must not be negative");
  if (rest == 0) return "PT0S";
  if (rest % kWeek == 0) return "P" + std::to_string(rest / kWeek) + "W";

  std::string out = "P";
  if (rest >= kDay) out += std::to_string(rest / kDay) + "D";
  rest %= kDay;
  if (rest == 0) return out;
  out += "T";
  if (rest >= kHour) out += std::to_string(rest / kHour) + "H";
  if (rest % kHour >= kMinute) out += std::to_string(rest % kHour / kMinute) + "M";
  if (rest % kMinute != 0) out += std::to_string(rest % kMinute) + "S";
  return out;
}

}  // namespace todo::time
