#include <catch2/catch.hpp>

#include "tasks/priority.hpp"
#include "tasks/tags.hpp"
#include "tasks/text.hpp"

using namespace todo::tasks;

TEST_CASE("priorities parse, print and rank with urgent highest", "[tasks][priority]") {
  for (const char* name : {"low", "medium", "high", "urgent"}) {
    const auto priority = parse_priority(name);
    REQUIRE(priority);
    CHECK(to_string(*priority) == name);
  }
  CHECK_FALSE(parse_priority("HIGH"));
  CHECK_FALSE(parse_priority(""));
  CHECK_FALSE(parse_priority("critical"));
  CHECK(priority_rank(Priority::urgent) > priority_rank(Priority::high));
  CHECK(priority_rank(Priority::high) > priority_rank(Priority::medium));
  CHECK(priority_rank(Priority::medium) > priority_rank(Priority::low));
}

TEST_CASE("tags are trimmed, unhashed, lower-cased and dashed", "[tasks][tags]") {
  CHECK(*normalize_tag("Work") == "work");
  CHECK(*normalize_tag("  #Home  ") == "home");
  CHECK(*normalize_tag("# spaced") == "spaced");
  CHECK(*normalize_tag("Deep   Work\tMode") == "deep-work-mode");
  CHECK(*normalize_tag("v1.2_beta-x") == "v1.2_beta-x");
  CHECK(*normalize_tag("Café") == "café");  // non-ASCII kept as is
  CHECK(*normalize_tag("日本") == "日本");
}

TEST_CASE("bad tags are rejected with a reason", "[tasks][tags]") {
  CHECK_THAT(normalize_tag("").error(), Catch::Contains("must not be empty"));
  CHECK_THAT(normalize_tag("   ").error(), Catch::Contains("must not be empty"));
  CHECK_THAT(normalize_tag("#").error(), Catch::Contains("must not be empty"));
  CHECK_THAT(normalize_tag("a/b").error(), Catch::Contains("'/' is not allowed"));
  CHECK_THAT(normalize_tag("##double").error(), Catch::Contains("'#' is not allowed"));
  CHECK_THAT(normalize_tag(std::string(41, 'a')).error(), Catch::Contains("at most 40"));
  CHECK(normalize_tag(std::string(40, 'a')).ok());
  // 40 two-byte characters are 80 bytes but 40 characters.
  std::string forty_e_acute;
  for (int i = 0; i < 40; ++i) forty_e_acute += "é";
  CHECK(normalize_tag(forty_e_acute).ok());
  CHECK_FALSE(normalize_tag("bad\xff").ok());
  CHECK_FALSE(normalize_tag("c1\xc2\x85").ok());  // U+0085, a C1 control
}

TEST_CASE("tag lists drop repeats and keep first-seen order", "[tasks][tags]") {
  CHECK(dedupe_tags({"work", "home", "work", "errands", "home"}) ==
        std::vector<std::string>{"work", "home", "errands"});
}

TEST_CASE("text helpers trim and find controls", "[tasks][text]") {
  CHECK(trim_ascii_whitespace(" \t a b \n") == "a b");
  CHECK(has_control_characters("a\nb", false));
  CHECK_FALSE(has_control_characters("a\nb", true));
  CHECK(has_control_characters(std::string("a\0b", 3), true));
  CHECK(has_control_characters("a\x7f", true));
  CHECK_FALSE(has_control_characters("naïve", false));
}
