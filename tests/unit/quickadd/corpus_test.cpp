// The quick-add corpus (issue 15): every phrase of tests/unit/quickadd/corpus/*.jsonl is read at
// the same local "now" (Wednesday 2026-10-14 10:00) in three zones, and each answer must match
// what the line expects. Berlin and New York leave daylight saving time in the next weeks
// (25 October, 1 November); Tokyo has none. The expectations are local wall-clock values, so one
// line holds for every zone; reminder instants ("at") are written as local times too.
//
// A line: {"text", "title", "due" (local "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS", or null),
// "rrule" (or null), "mode" ("due", "completion" or null for a one-off task), "priority",
// "tags", "reminders" (the create body's array, "at" in local time)}; optional "warning" (a piece
// of text one warning must contain), "zones" (instead of the three) and "now" (another local
// "now"). Blank lines and lines starting with "//" are skipped.
//
// The property of every repeating answer: the recurrence library expands the rule from the due,
// and its first occurrence is that due.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "quickadd/quick_add.hpp"
#include "time/local_due.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

using nlohmann::json;

namespace {

const char* const kDefaultNow = "2026-10-14T10:00:00";
const std::vector<std::string> kZones = {"Europe/Berlin", "America/New_York", "Asia/Tokyo"};
const std::set<std::string> kRequired = {"text",     "title", "due",  "rrule",
                                         "priority", "tags",  "mode", "reminders"};

struct CorpusLine {
  std::string file;
  int line = 0;
  json expected;
};

std::vector<CorpusLine> load_corpus() {
  std::vector<CorpusLine> lines;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(QUICKADD_CORPUS_DIR)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string text;
    int number = 0;
    while (std::getline(in, text)) {
      ++number;
      if (text.find_first_not_of(" \t\r") == std::string::npos || text.rfind("//", 0) == 0) {
        continue;
      }
      const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
      INFO(path.filename().string() << ":" << number << " is not JSON");
      REQUIRE(parsed.is_object());
      lines.push_back({path.filename().string(), number, parsed});
    }
  }
  return lines;
}

todo::time::Instant instant_at_local(const std::string& local, const std::string& zone) {
  const auto due = todo::time::parse_local_due(local);
  REQUIRE(due.ok());
  return todo::time::to_utc(due.value(), zone);
}

// The answer's reminders with "at" instants shown in local time, as the corpus writes them.
json local_reminders(const json& task, const std::string& zone) {
  json out = json::array();
  for (json reminder : task.value("reminders", json::array())) {
    if (reminder.contains("at")) {
      const auto at = todo::time::parse_rfc3339(reminder["at"].get<std::string>());
      REQUIRE(at);
      reminder["at"] = todo::time::format_local_due(todo::time::to_local(*at, zone));
    }
    out.push_back(reminder);
  }
  return out;
}

json mode_of(const json& task) {
  if (!task.contains("recurrence")) return nullptr;
  return task["recurrence"].value("mode", "due");
}

void check_line(const CorpusLine& line, const std::string& zone) {
  const json& want = line.expected;
  const std::string now_local = want.value("now", kDefaultNow);
  INFO(line.file << ":" << line.line << " \"" << want.value("text", "") << "\" in " << zone
                 << " at " << now_local);
  for (const auto& key : kRequired) {
    INFO("the line lacks \"" << key << "\"");
    REQUIRE(want.contains(key));
  }
  const auto result = todo::quickadd::parse_quick_add(want["text"].get<std::string>(), zone,
                                                      instant_at_local(now_local, zone));
  const json answer = todo::quickadd::to_json(result, 1);
  INFO("answer: " << answer.dump());
  CHECK(result.task["title"] == want["title"]);
  CHECK(result.task.value("due", json(nullptr)) == want["due"]);
  CHECK((result.rrule ? json(*result.rrule) : json(nullptr)) == want["rrule"]);
  CHECK(mode_of(result.task) == want["mode"]);
  CHECK(result.task.value("priority", "medium") == want["priority"]);
  CHECK(result.task.value("tags", json::array()) == want["tags"]);
  CHECK(local_reminders(result.task, zone) == want["reminders"]);
  if (want.contains("warning")) {
    const auto piece = want["warning"].get<std::string>();
    bool found = false;
    for (const auto& warning : result.warnings)
      found = found || warning.find(piece) != std::string::npos;
    INFO("no warning contains \"" << piece << "\"");
    CHECK(found);
  }
  if (result.rrule && result.due_at) {
    INFO("the rule's first occurrence is not the due");
    REQUIRE(answer["next"].size() == 1);
    CHECK(answer["next"][0] == todo::time::format_rfc3339(*result.due_at));
  }
}

}  // namespace

TEST_CASE("quick add reads every phrase of the corpus as expected, in three zones",
          "[quickadd][corpus]") {
  const auto corpus = load_corpus();
  REQUIRE(!corpus.empty());
  for (const auto& line : corpus) {
    const auto zones = line.expected.contains("zones")
                           ? line.expected["zones"].get<std::vector<std::string>>()
                           : kZones;
    for (const auto& zone : zones) check_line(line, zone);
  }
}
