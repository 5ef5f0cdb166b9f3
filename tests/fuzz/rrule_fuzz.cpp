// RRULE values (libs/recurrence): normalize_rrule, validate_rrule and parse_rrule on any text;
// a rule they accept must be summarised (describe) and expanded (expand, next_occurrence) by
// libical without throwing, from a timed anchor in a zone with DST and from a date-only one.
#include "fuzz_util.hpp"
#include "recurrence/expansion.hpp"
#include "recurrence/next_occurrence.hpp"
#include "recurrence/rrule_validation.hpp"
#include "recurrence/summary.hpp"
#include "time/local_due.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace recurrence = todo::recurrence;
  namespace time = todo::time;
  const std::string text = todo::fuzz::text(data, size);
  const std::string normalized = recurrence::normalize_rrule(text);
  const auto problem = recurrence::validate_rrule(text);
  const auto parsed = recurrence::parse_rrule(text);
  FUZZ_CHECK(parsed.ok() == !problem.has_value());
  if (!parsed) {
    FUZZ_CHECK(!parsed.error().empty());
    return 0;
  }
  FUZZ_CHECK(*parsed == normalized);
  FUZZ_CHECK(!recurrence::validate_rrule(*parsed));  // the normalized form is valid too
  FUZZ_CHECK(!recurrence::describe(*parsed).empty());

  const time::LocalDue timed{{2026, 3, 29}, std::chrono::hours(1) + std::chrono::minutes(30)};
  const time::LocalDue date_only{{2026, 1, 31}, std::nullopt};
  FUZZ_CHECK(recurrence::expand(*parsed, {timed, todo::fuzz::kZone}, 5).size() <= 5);
  FUZZ_CHECK(recurrence::expand(*parsed, {date_only, std::nullopt}, 5).size() <= 5);

  recurrence::CompletedOccurrence done;
  done.rrule = *parsed;
  done.due = timed;
  done.zone = todo::fuzz::kZone;
  done.occurrence_index = 2;
  done.completed_at = todo::fuzz::fixed_now() + std::chrono::hours(24 * 40);
  (void)recurrence::next_occurrence(done);
  done.mode = recurrence::AnchorMode::completion;
  done.due = date_only;
  (void)recurrence::next_occurrence(done);
  return 0;
}
