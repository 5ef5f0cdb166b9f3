// How fast the recurrence library computes occurrences, for the rules people use most.
// Usage: build/bin/recurrence_bench [seconds per rule]   (prints a Markdown table)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "recurrence/expansion.hpp"
#include "recurrence/next_occurrence.hpp"
#include "time/rfc3339.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Case {
  const char* label;
  const char* rrule;
};

const std::vector<Case> kCases = {
    {"daily", "FREQ=DAILY"},
    {"weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"},
    {"every 2 weeks on Mon, Wed", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"},
    {"monthly on the 31st", "FREQ=MONTHLY;BYMONTHDAY=31"},
    {"monthly, last Friday", "FREQ=MONTHLY;BYDAY=-1FR"},
    {"monthly, last weekday", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"},
    {"yearly on 29 Feb", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"},
};

}  // namespace

int main(int argc, char** argv) {
  using namespace todo;
  const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
  const recurrence::Anchor anchor{
      time::LocalDue{time::LocalDate{2026, 1, 1}, std::chrono::hours{9}},
      std::string("Europe/London")};
  std::printf("| rule | occurrences/s (expand 100) | next occurrences/s (one completion) |\n");
  std::printf("|---|---|---|\n");
  for (const Case& c : kCases) {
    // Throughput of expand(): 100 occurrences per call, as a preview of 100 would ask.
    std::size_t produced = 0;
    const auto start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    while (elapsed() < seconds) produced += recurrence::expand(c.rrule, anchor, 100).size();
    const double expand_rate = static_cast<double>(produced) / elapsed();

    // What recurrence-service does per completion.
    recurrence::CompletedOccurrence done;
    done.rrule = c.rrule;
    done.due = anchor.dtstart;
    done.zone = "Europe/London";
    done.completed_at = *time::parse_rfc3339("2026-01-01T10:00:00Z");
    std::size_t computed = 0;
    const auto start2 = Clock::now();
    auto elapsed2 = [&] { return std::chrono::duration<double>(Clock::now() - start2).count(); };
    while (elapsed2() < seconds) computed += recurrence::next_occurrence(done) ? 1 : 0;
    std::printf("| %s `%s` | %.0f | %.0f |\n", c.label, c.rrule, expand_rate,
                static_cast<double>(computed) / elapsed2());
  }
  return 0;
}
