// Presets: the UI's recurrence choices as RRULE strings, and their JSON form.
#include "recurrence/presets.hpp"

#include <catch2/catch.hpp>

#include "recurrence/rrule_validation.hpp"

using nlohmann::json;
using todo::recurrence::check_preset;
using todo::recurrence::parse_preset;
using todo::recurrence::Preset;
using todo::recurrence::PresetKind;
using todo::recurrence::to_rrule;
using todo::recurrence::Weekday;

namespace {

// The RRULE of a JSON preset, or "error: <message>".
std::string rule_of(const json& body) {
  const auto preset = parse_preset(body);
  if (!preset) return "error: " + preset.error();
  const std::string rule = to_rrule(*preset);
  // Every preset's rule passes validation.
  const auto problem = todo::recurrence::validate_rrule(rule);
  return problem ? "invalid: " + *problem : rule;
}

}  // namespace

TEST_CASE("each preset maps to its RRULE", "[recurrence][presets]") {
  CHECK(rule_of({{"preset", "daily"}}) == "FREQ=DAILY");
  CHECK(rule_of({{"preset", "daily"}, {"interval", 3}}) == "FREQ=DAILY;INTERVAL=3");
  CHECK(rule_of({{"preset", "weekdays"}}) == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
  CHECK(rule_of({{"preset", "weekly"}}) == "FREQ=WEEKLY");
  CHECK(rule_of({{"preset", "weekly"}, {"days", {"MO", "WE"}}, {"interval", 2}}) ==
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE");
  // Days are written Monday first, whatever order and case they came in.
  CHECK(rule_of({{"preset", "weekly"}, {"days", {"su", "FR", "mo"}}}) ==
        "FREQ=WEEKLY;BYDAY=MO,FR,SU");
  CHECK(rule_of({{"preset", "monthly"}, {"day", 15}}) == "FREQ=MONTHLY;BYMONTHDAY=15");
  CHECK(rule_of({{"preset", "monthly"}, {"day", -1}}) == "FREQ=MONTHLY;BYMONTHDAY=-1");
  CHECK(rule_of({{"preset", "monthly_weekday"}, {"weekday", "TU"}, {"ordinal", 2}}) ==
        "FREQ=MONTHLY;BYDAY=2TU");
  CHECK(rule_of(
            {{"preset", "monthly_weekday"}, {"weekday", "fr"}, {"ordinal", -1}, {"interval", 3}}) ==
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR");
  CHECK(rule_of({{"preset", "yearly"}}) == "FREQ=YEARLY");
}

TEST_CASE("a preset may end on a date or after a number of times", "[recurrence][presets]") {
  CHECK(rule_of({{"preset", "daily"}, {"until", "2026-12-31"}}) == "FREQ=DAILY;UNTIL=20261231");
  CHECK(rule_of({{"preset", "weekdays"}, {"count", 5}}) ==
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=5");
  // null counts as absent.
  CHECK(
      rule_of(
          {{"preset", "yearly"}, {"until", nullptr}, {"count", nullptr}, {"interval", nullptr}}) ==
      "FREQ=YEARLY");
}

TEST_CASE("parse_preset names the field that is wrong", "[recurrence][presets]") {
  struct Case {
    json body;
    const char* error;
  };
  const Case cases[] = {
      {json::array(), "the recurrence preset must be a JSON object"},
      {json::object(), "'preset' is required: one of"},
      {{{"preset", nullptr}}, "'preset' is required"},
      {{{"preset", "fortnightly"}},
       "'preset' must be one of daily, monthly, monthly_weekday, "
       "weekdays, weekly, yearly (got 'fortnightly')"},
      {{{"preset", 7}}, "'preset' must be one of"},
      // A value that is not a string is named by its type, never serialised back.
      {{{"preset", {{"a", {1, 2}}}}}, "(got 'a JSON object')"},
      {{{"preset", std::string(100, 'x')}}, "(got 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...')"},
      {{{"preset", "daily"}, {"colour", "red"}}, "unknown field 'colour'"},
      {{{"preset", "daily"}, {"days", {"MO"}}}, "'days' is not used by the 'daily' preset"},
      {{{"preset", "weekly"}, {"day", 3}}, "'day' is not used by the 'weekly' preset"},
      {{{"preset", "monthly"}, {"weekday", "MO"}}, "'weekday' is not used by the 'monthly' preset"},
      {{{"preset", "daily"}, {"interval", 0}}, "'interval' must be a whole number from 1 to 999"},
      {{{"preset", "daily"}, {"interval", 1000}},
       "'interval' must be a whole number from 1 to 999"},
      {{{"preset", "daily"}, {"interval", 2.5}}, "'interval' must be a whole number"},
      {{{"preset", "daily"}, {"interval", "2"}}, "'interval' must be a whole number"},
      {{{"preset", "daily"}, {"interval", 1e12}}, "'interval' must be a whole number"},
      {{{"preset", "weekly"}, {"days", json::array()}}, "'days' must be a non-empty array"},
      {{{"preset", "weekly"}, {"days", "MO"}}, "'days' must be a non-empty array"},
      {{{"preset", "weekly"}, {"days", {"MO", "XX"}}},
       "'days[1]' must be one of MO, TU, WE, TH, FR, SA, SU (got 'XX')"},
      {{{"preset", "weekly"}, {"days", {"MO", 3}}}, "'days[1]' must be one of"},
      {{{"preset", "weekly"}, {"days", {"MO", "mo"}}}, "'days' lists 'MO' twice"},
      {{{"preset", "monthly"}}, "'day' is required for the 'monthly' preset"},
      {{{"preset", "monthly"}, {"day", 0}}, "'day' must be a whole number from 1 to 31, or -1"},
      {{{"preset", "monthly"}, {"day", 32}}, "'day' must be a whole number from 1 to 31"},
      {{{"preset", "monthly"}, {"day", -2}}, "'day' must be a whole number from 1 to 31"},
      {{{"preset", "monthly_weekday"}, {"ordinal", 1}},
       "'weekday' is required for the 'monthly_weekday' preset"},
      {{{"preset", "monthly_weekday"}, {"weekday", "TU"}},
       "'ordinal' is required for the 'monthly_weekday' preset"},
      {{{"preset", "monthly_weekday"}, {"weekday", "Tuesday"}, {"ordinal", 1}},
       "'weekday' must be one of MO, TU, WE, TH, FR, SA, SU (got 'Tuesday')"},
      {{{"preset", "monthly_weekday"}, {"weekday", "TU"}, {"ordinal", 0}},
       "'ordinal' must be 1 to 5 (first to fifth), or -1 for the last"},
      {{{"preset", "monthly_weekday"}, {"weekday", "TU"}, {"ordinal", 6}},
       "'ordinal' must be 1 to 5"},
      {{{"preset", "monthly_weekday"}, {"weekday", "TU"}, {"ordinal", -2}},
       "'ordinal' must be 1 to 5"},
      {{{"preset", "daily"}, {"until", "31/12/2026"}}, "'until' must be a date (YYYY-MM-DD)"},
      {{{"preset", "daily"}, {"until", "2026-02-30"}}, "'until' must be a date (YYYY-MM-DD)"},
      {{{"preset", "daily"}, {"until", "2026-12-31T10:00:00"}}, "'until' must be a date"},
      {{{"preset", "daily"}, {"until", 20261231}}, "'until' must be a date (YYYY-MM-DD)"},
      {{{"preset", "daily"}, {"count", 0}}, "'count' must be a whole number from 1 to 999999999"},
      {{{"preset", "daily"}, {"count", "5"}}, "'count' must be a whole number"},
      {{{"preset", "daily"}, {"count", 5}, {"until", "2026-12-31"}},
       "'until' and 'count' cannot both be set"},
  };
  for (const Case& c : cases) {
    INFO(c.body.dump());
    const auto parsed = parse_preset(c.body);
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.error(), Catch::Contains(c.error));
  }
}

TEST_CASE("presets round-trip through JSON", "[recurrence][presets]") {
  const json bodies[] = {
      {{"preset", "daily"}},
      {{"preset", "weekdays"}, {"interval", 2}, {"count", 10}},
      {{"preset", "weekly"}, {"days", {"MO", "WE"}}, {"interval", 2}, {"until", "2026-12-31"}},
      {{"preset", "monthly"}, {"day", -1}},
      {{"preset", "monthly_weekday"}, {"weekday", "FR"}, {"ordinal", -1}},
      {{"preset", "yearly"}, {"interval", 4}},
  };
  for (const json& body : bodies) {
    INFO(body.dump());
    const auto parsed = parse_preset(body);
    REQUIRE(parsed.ok());
    CHECK(todo::recurrence::to_json(*parsed) == body);
  }
}

TEST_CASE("presets built in code are checked too", "[recurrence][presets]") {
  Preset weekly;
  weekly.kind = PresetKind::weekly;
  weekly.days = {Weekday::friday, Weekday::monday};
  weekly.count = 3;
  CHECK(check_preset(weekly) == std::nullopt);
  CHECK(to_rrule(weekly) == "FREQ=WEEKLY;BYDAY=MO,FR;COUNT=3");

  Preset twice = weekly;
  twice.days = {Weekday::monday, Weekday::monday};
  CHECK_THROWS_WITH(to_rrule(twice), Catch::Contains("'days' lists 'MO' twice"));

  Preset bad_interval;
  bad_interval.interval = 0;
  CHECK_THROWS_AS(to_rrule(bad_interval), std::invalid_argument);

  Preset bad_until;
  bad_until.until = todo::time::LocalDate{2026, 2, 30};
  CHECK_THAT(check_preset(bad_until).value_or(""), Catch::Contains("'until' is not a valid date"));

  Preset monthly;
  monthly.kind = PresetKind::monthly;
  monthly.month_day = 31;
  monthly.until = todo::time::LocalDate{2027, 1, 31};
  CHECK(to_rrule(monthly) == "FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20270131");
}
