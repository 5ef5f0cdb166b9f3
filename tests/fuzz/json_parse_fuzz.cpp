// todo::json::parse and parse_or_throw (libs/json/bounded_parse.hpp): the one way the platform
// reads JSON. Text nested deeper than kMaxDepth must be refused before nlohmann parses it, and
// whatever is accepted must be safe to copy and dump (both recurse once per level).
#include "fuzz_util.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace json = todo::json;
  const std::string text = todo::fuzz::text(data, size);
  json::ParseFailure why = json::ParseFailure::none;
  const nlohmann::json value = json::parse(text, &why);
  FUZZ_CHECK(value.is_discarded() == (why != json::ParseFailure::none));
  FUZZ_CHECK((why == json::ParseFailure::too_deep) == !json::nesting_within(text));
  if (!value.is_discarded()) {
    const nlohmann::json copy = value;  // NOLINT: copying recurses, which is what is checked
    const std::string dumped = copy.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    FUZZ_CHECK(json::nesting_within(dumped));
    FUZZ_CHECK(!json::parse(dumped).is_discarded());
  }
  todo::fuzz::documented<std::invalid_argument>([&] { (void)json::parse_or_throw(text, "input"); });
  return 0;
}
