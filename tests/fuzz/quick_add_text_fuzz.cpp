// Quick-add text (libs/quickadd/quick_add.hpp): one line of English read as a task, at a fixed
// now in a fixed zone, then the answer built from it (summary and next occurrences). It never
// throws for a known zone; every recognised phrase lies inside the text (UTF-16 offsets).
#include "fuzz_util.hpp"
#include "quickadd/quick_add.hpp"

namespace {

// UTF-16 code units of the text, counted as libs/quickadd does (continuation bytes add nothing,
// a four-byte sequence adds a surrogate pair).
std::size_t utf16_length(const std::string& text) {
  std::size_t units = 0;
  for (const unsigned char c : text) {
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace quickadd = todo::quickadd;
  const std::string text = todo::fuzz::text(data, size);
  const auto now = std::chrono::system_clock::time_point(todo::fuzz::fixed_now());
  const quickadd::QuickAdd result = quickadd::parse_quick_add(text, todo::fuzz::kZone, now);
  FUZZ_CHECK(result.task.at("title").is_string());
  const std::size_t length = utf16_length(text);
  std::size_t previous_end = 0;
  for (const auto& part : result.parts) {
    FUZZ_CHECK(part.start < part.end && part.end <= length);
    FUZZ_CHECK(part.start >= previous_end);  // in text order, not overlapping
    previous_end = part.end;
  }
  const nlohmann::json answer = quickadd::to_json(result);
  FUZZ_CHECK(answer.at("next").size() <= 3);
  return 0;
}
