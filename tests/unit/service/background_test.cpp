// Background work that stops promptly (libs/service/background.hpp). A wait that did not wake
// on stop would hang these tests (the hour-long waits), not make them slow.
#include "service/background.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>

using namespace todo::service;

TEST_CASE("a stop request ends a long wait at once", "[service][background]") {
  StopSignal stop;
  CHECK_FALSE(stop.wait_for(std::chrono::milliseconds(1)));  // nobody asked yet
  std::thread stopper([&stop] { stop.request(); });
  CHECK(stop.wait_for(std::chrono::hours(1)));
  stopper.join();
  CHECK(stop.requested());
  CHECK(stop.wait_for(std::chrono::hours(1)));  // and every later wait too
}

TEST_CASE("a periodic worker ticks, survives a throwing tick, and stops during its wait",
          "[service][background]") {
  std::atomic<int> ticks{0};
  StopSignal enough;
  PeriodicWorker worker(
      "test worker",
      [&] {
        if (++ticks == 1) throw std::runtime_error("the store is away");
        if (ticks == 3) enough.request();
      },
      std::chrono::milliseconds(1));
  worker.start();
  REQUIRE(enough.wait_for(std::chrono::hours(1)));
  worker.stop();
  CHECK(ticks >= 3);

  PeriodicWorker idle(
      "idle worker", [] {}, std::chrono::hours(1));
  idle.start();
  idle.stop();  // returns although the next tick is an hour away
  SUCCEED("stopped during an hour-long wait");
}
