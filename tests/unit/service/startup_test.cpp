#include "service/startup.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

using std::chrono::milliseconds;

TEST_CASE("start-up work is retried with a doubling pause until it succeeds",
          "[service][startup]") {
  int calls = 0;
  std::vector<milliseconds> pauses;
  const int attempts = todo::service::retry_until_done(
      "loading",
      [&] {
        if (++calls < 8) throw std::runtime_error("not yet");
      },
      [&](milliseconds d) { pauses.push_back(d); }, {milliseconds(1000), milliseconds(30000)});
  CHECK(attempts == 8);
  CHECK(calls == 8);
  // 1, 2, 4, 8, 16 s, then capped at 30 s.
  CHECK(pauses == std::vector<milliseconds>{milliseconds(1000), milliseconds(2000),
                                            milliseconds(4000), milliseconds(8000),
                                            milliseconds(16000), milliseconds(30000),
                                            milliseconds(30000)});
}

TEST_CASE("start-up work that succeeds at once does not pause", "[service][startup]") {
  int pauses = 0;
  CHECK(todo::service::retry_until_done(
            "migrating", [] {}, [&](milliseconds) { ++pauses; }) == 1);
  CHECK(pauses == 0);
}
