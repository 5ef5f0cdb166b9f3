// How long quick add takes per line: every phrase of the unit-test corpus
// (tests/unit/quickadd/corpus/*.jsonl), read as POST /api/v1/quick-add reads it (parse_quick_add,
// then the answer with its first three occurrences), in Europe/Berlin.
// Usage: build/bin/quickadd_bench [rounds] [corpus folder]   (prints percentiles in µs and the
// slowest lines)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "quickadd/quick_add.hpp"
#include "time/rfc3339.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> corpus_texts(const std::filesystem::path& folder) {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line.rfind("//", 0) == 0) continue;
      const auto parsed = nlohmann::json::parse(line, nullptr, false);
      if (parsed.is_object() && parsed.contains("text")) texts.push_back(parsed["text"]);
    }
  }
  return texts;
}

double percentile(std::vector<double> sorted, double q) {
  const auto index = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1));
  return sorted[index];
}

int run(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  const std::filesystem::path folder =
      argc > 2 ? argv[2] : std::filesystem::path(TODO_SOURCE_DIR) / "tests/unit/quickadd/corpus";
  const auto texts = corpus_texts(folder);
  if (texts.empty() || rounds < 1) {
    std::fprintf(stderr, "no corpus lines in %s\n", folder.c_str());
    return 1;
  }
  const auto now = *todo::time::parse_rfc3339("2026-10-14T08:00:00Z");
  std::vector<double> micros;
  std::vector<std::vector<double>> per_line(texts.size());
  std::size_t sink = 0;
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const auto start = Clock::now();
      const auto result = todo::quickadd::parse_quick_add(texts[i], "Europe/Berlin", now);
      sink += todo::quickadd::to_json(result, 3).size();
      const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      micros.push_back(us);
      per_line[i].push_back(us);
    }
  }
  std::sort(micros.begin(), micros.end());
  std::printf("%zu lines x %d rounds: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us\n",
              texts.size(), rounds, percentile(micros, 0.5), percentile(micros, 0.99),
              percentile(micros, 0.999), micros.back());
  // The slowest lines by their median round, so one preempted round does not name a line.
  std::vector<std::pair<double, std::size_t>> worst;
  for (std::size_t i = 0; i < per_line.size(); ++i) {
    std::sort(per_line[i].begin(), per_line[i].end());
    worst.emplace_back(percentile(per_line[i], 0.5), i);
  }
  std::sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a > b; });
  std::printf("slowest lines (median of their rounds):\n");
  for (std::size_t k = 0; k < 5 && k < worst.size(); ++k) {
    std::printf("  %8.1f us  %s\n", worst[k].first, texts[worst[k].second].c_str());
  }
  return sink == 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  // A missing corpus folder or a "text" that is not a string: the reason, not an abort.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "quickadd_bench: %s\n", e.what());
    return 1;
  }
}
