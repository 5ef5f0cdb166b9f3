#include "metrics/metrics.hpp"

#include <catch2/catch.hpp>

using todo::metrics::Registry;

TEST_CASE("counters render with labels and help", "[metrics]") {
  Registry r;
  r.counter("events_total", "Events", {{"topic", "task-events"}}).inc();
  r.counter("events_total", "Events", {{"topic", "task-events"}}).inc(2);
  const auto text = r.render();
  CHECK(text.find("# HELP events_total Events\n") != std::string::npos);
  CHECK(text.find("# TYPE events_total counter\n") != std::string::npos);
  CHECK(text.find("events_total{topic=\"task-events\"} 3\n") != std::string::npos);
}

TEST_CASE("counters refuse to go down", "[metrics]") {
  Registry r;
  CHECK_THROWS(r.counter("c", "c").inc(-1));
}

TEST_CASE("histogram buckets are cumulative and end with +Inf", "[metrics]") {
  Registry r;
  auto& h = r.histogram("lat", "Latency", {}, {0.1, 1.0});
  h.observe(0.05);
  h.observe(0.5);
  h.observe(5);
  const auto text = r.render();
  CHECK(text.find("lat_bucket{le=\"0.10000000000000001\"} 1\n") != std::string::npos);
  CHECK(text.find("lat_bucket{le=\"1\"} 2\n") != std::string::npos);
  CHECK(text.find("lat_bucket{le=\"+Inf\"} 3\n") != std::string::npos);
  CHECK(text.find("lat_count 3\n") != std::string::npos);
}

TEST_CASE("label values are escaped", "[metrics]") {
  Registry r;
  r.gauge("g", "G", {{"path", "a\"b\\c"}}).set(1);
  CHECK(r.render().find("g{path=\"a\\\"b\\\\c\"} 1") != std::string::npos);
}

TEST_CASE("one name cannot be two kinds", "[metrics]") {
  Registry r;
  r.counter("x", "x");
  CHECK_THROWS_AS(r.gauge("x", "x"), std::logic_error);
}
