#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "messages/push_message.hpp"
#include "sample_notice.hpp"

using namespace todo::notify;
using nlohmann::json;
using todo::notify::testing::at;

namespace {

ReminderNotice notice(const std::string& priority) {
  return testing::rent_notice(priority, "2026-07-14T07:00:00Z", "2026-07-14T06:45:00Z",
                              "Europe/Berlin");
}

// True when `text` is well-formed UTF-8 (no cut code point at the end or anywhere else).
bool valid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

TEST_CASE("the ntfy body has exactly the publish-as-JSON fields", "[notify][ntfy]") {
  const json body = render_ntfy(notice("high"), "todo-u1");
  const json expected = {
      {"topic", "todo-u1"},
      {"title", "Reminder: Pay rent"},
      {"message", "Due Tue 14 Jul, 09:00 (Europe/Berlin)\nTransfer to the landlord"},
      {"priority", 4},
      {"tags", {"alarm_clock"}},
      {"click", "http://127.0.0.1:8080/tasks/t1"},
      {"actions",
       {{{"action", "view"},
         {"label", "Snooze / dismiss"},
         {"url", "http://127.0.0.1:8080/notifications/fire-1"}}}},
  };
  CHECK(body == expected);
}

TEST_CASE("task priorities map onto ntfy priorities", "[notify][ntfy]") {
  CHECK(render_ntfy(notice("urgent"), "t")["priority"] == 5);
  CHECK(render_ntfy(notice("high"), "t")["priority"] == 4);
  CHECK(render_ntfy(notice("medium"), "t")["priority"] == 3);
  CHECK(render_ntfy(notice("low"), "t")["priority"] == 2);
  CHECK(render_ntfy(notice("bogus"), "t")["priority"] == 3);
  CHECK(render_ntfy(notice("urgent"), "t")["tags"] == json({"alarm_clock", "warning"}));
  CHECK(render_ntfy(notice("low"), "t")["tags"] == json({"alarm_clock"}));
}

TEST_CASE("ntfy shows winter and New York times local to the user", "[notify][ntfy]") {
  ReminderNotice n = notice("medium");
  n.due_at = at("2026-12-01T08:00:00Z");
  CHECK(render_ntfy(n, "t")["message"].get<std::string>().rfind(
            "Due Tue 1 Dec, 09:00 (Europe/Berlin)", 0) == 0);
  n.time_zone = "America/New_York";
  n.due_at = at("2026-07-14T13:00:00Z");
  CHECK(render_ntfy(n, "t")["message"].get<std::string>().rfind(
            "Due Tue 14 Jul, 09:00 (America/New_York)", 0) == 0);
}

TEST_CASE("ntfy without a due time, and a title with line breaks", "[notify][ntfy]") {
  ReminderNotice n = notice("medium");
  n.due_at.reset();
  n.description.clear();
  n.title = "Pay\r\nrent";
  const json body = render_ntfy(n, "t");
  CHECK(body["title"] == "Reminder: Pay rent");
  CHECK(body["message"] == "No due date");
}

TEST_CASE("a long ntfy message is capped without splitting a code point", "[notify][ntfy]") {
  ReminderNotice n = notice("low");
  // Every offset of the cut: 1-, 2-, 3- and 4-byte code points mixed.
  for (int shift = 0; shift < 4; ++shift) {
    n.description = std::string(static_cast<std::size_t>(shift), 'a');
    for (int i = 0; i < 400; ++i) n.description += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x";
    const std::string message = render_ntfy(n, "t")["message"];
    CHECK(message.size() <= kNtfyMessageMaxBytes);
    CHECK(message.size() > kNtfyMessageMaxBytes - 4);
    CHECK(valid_utf8(message));
    CHECK(message.substr(message.size() - 3) == "\xE2\x80\xA6");
  }
}

TEST_CASE("a digest ntfy lists the missed reminders at the highest priority", "[notify][ntfy]") {
  ReminderNotice n = notice("low");
  n.missed = {
      {"t0", "Water plants", "urgent", at("2026-07-13T16:00:00Z"), at("2026-07-13T15:45:00Z")},
      {"t1", "Pay rent", "low", std::nullopt, at("2026-07-14T06:45:00Z")}};
  const json body = render_ntfy(n, "t");
  CHECK(body["title"] == "2 missed reminders");
  CHECK(body["message"] ==
        "\xE2\x80\xA2 Water plants (due Mon 13 Jul, 18:00)\n\xE2\x80\xA2 Pay rent\n"
        "Times in Europe/Berlin");
  CHECK(body["priority"] == 5);
}
