// Local dues and dates (libs/time/local_due.hpp): parse_local_due and parse_local_date on any
// text. What they accept is a real date in the supported years, written back by
// format_local_due / format_local_date as text that reads the same; it converts to UTC in a zone
// with DST (to_utc: gaps and folds) and back without throwing.
#include "fuzz_util.hpp"
#include "time/local_due.hpp"
#include "time/time_zone.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace time = todo::time;
  const std::string text = todo::fuzz::text(data, size);
  if (const auto due = time::parse_local_due(text)) {
    FUZZ_CHECK(time::is_valid_date(due->date));
    FUZZ_CHECK(due->date.year >= time::kMinYear && due->date.year <= time::kMaxYear);
    const auto again = time::parse_local_due(time::format_local_due(*due));
    FUZZ_CHECK(again.ok() && *again == *due);
    const time::Instant utc = time::to_utc(*due, todo::fuzz::kZone);
    (void)time::to_local(utc, todo::fuzz::kZone);
    (void)time::local_day_bounds(due->date, todo::fuzz::kZone);
  } else {
    FUZZ_CHECK(!due.error().empty());
  }
  if (const auto date = time::parse_local_date(text)) {
    const auto again = time::parse_local_date(time::format_local_date(*date));
    FUZZ_CHECK(again.ok() && *again == *date);
  }
  return 0;
}
