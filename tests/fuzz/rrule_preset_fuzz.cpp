// Recurrence presets (libs/recurrence/presets.hpp): parse_preset on any JSON value. A preset it
// accepts must pass check_preset, become a rule that validate_rrule accepts (to_rrule promises
// it), and read back the same from its own JSON form.
#include "fuzz_util.hpp"
#include "recurrence/presets.hpp"
#include "recurrence/rrule_validation.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace recurrence = todo::recurrence;
  const nlohmann::json body = todo::fuzz::json_body(data, size);
  const auto preset = recurrence::parse_preset(body);
  if (!preset) {
    FUZZ_CHECK(!preset.error().empty());
    return 0;
  }
  FUZZ_CHECK(!recurrence::check_preset(*preset));
  const std::string rule = recurrence::to_rrule(*preset);
  const auto problem = recurrence::validate_rrule(rule);
  if (problem) std::fprintf(stderr, "%s: %s\n", rule.c_str(), problem->c_str());
  FUZZ_CHECK(!problem);
  const auto again = recurrence::parse_preset(recurrence::to_json(*preset));
  FUZZ_CHECK(again.ok() && recurrence::to_rrule(*again) == rule);
  return 0;
}
