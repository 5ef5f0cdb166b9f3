#pragma once
// Shared by the libFuzzer harnesses in this folder (one parser entry point each; scripts/fuzz.sh
// runs them): the input as text, the fixed clock and zone every harness reads input at, and
// documented<E...>(f), which lets a parser throw only the exceptions its header documents for bad
// input. Anything else escapes LLVMFuzzerTestOneInput, and libFuzzer reports it as a crash.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "json/bounded_parse.hpp"
#include "time/instant.hpp"

namespace todo::fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// 2026-03-01T12:00:00Z: "now" for every harness, so a crash reproduces on any day.
inline time::Instant fixed_now() {
  return time::Instant{std::chrono::seconds{1772366400}};
}
// The user's zone where a parser needs one: it has DST, so gaps and folds are reachable.
inline const std::string kZone = "Europe/London";

// The request body as the routes see it: todo::json::parse (the one JSON entry point, nesting
// limited). A discarded value stands for "not JSON"; the validators are given it all the same.
inline nlohmann::json json_body(const std::uint8_t* data, std::size_t size) {
  return todo::json::parse(text(data, size));
}

// Runs f, swallowing exactly the exception types listed (the documented answers to bad input).
template <class... E>
struct Documented;
template <>
struct Documented<> {
  template <class F>
  static bool run(F& f) {
    f();
    return true;
  }
};
template <class E, class... Rest>
struct Documented<E, Rest...> {
  template <class F>
  static bool run(F& f) {
    try {
      return Documented<Rest...>::run(f);
    } catch (const E&) {
      return false;
    }
  }
};
// True when f returned, false when it threw one of E.
template <class... E, class F>
bool documented(F&& f) {
  return Documented<E...>::run(f);
}

// A broken invariant: abort, so libFuzzer saves the input (a crash like any other).
#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

// Logs off: the subscriber and the validators log every refusal, which is noise at 10k runs/s.
inline int quiet() {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

}  // namespace todo::fuzz
