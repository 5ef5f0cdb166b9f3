#include <catch2/catch.hpp>

#include "messages/email_message.hpp"
#include "messages/message_text.hpp"
#include "messages/verification_email.hpp"
#include "sample_notice.hpp"

using namespace todo::notify;
using todo::notify::testing::at;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

ReminderNotice rent(const char* due_at, const char* zone) {
  return testing::rent_notice("high", due_at, due_at, zone);
}

}  // namespace

TEST_CASE("the email shows the due time local to the user's zone, in winter", "[notify][email]") {
  const EmailMessage m = render_email(rent("2026-12-01T08:00:00Z", "Europe/Berlin"));
  CHECK(m.subject == "Reminder: Pay rent \xE2\x80\x94 due Tue 1 Dec, 09:00 (Europe/Berlin)");
  CHECK(contains(m.text, "Due Tuesday 1 December 2026 at 09:00 (Europe/Berlin)"));
  CHECK(contains(m.text, "Priority: high"));
  CHECK(contains(m.text, "Transfer to the landlord"));
  CHECK(contains(m.text, "http://127.0.0.1:8080/tasks/t1"));
  CHECK(contains(m.text, "Snooze or dismiss: http://127.0.0.1:8080/notifications/fire-1"));
  CHECK(contains(m.html, "Due Tuesday 1 December 2026 at 09:00 (Europe/Berlin)"));
  CHECK(contains(m.html, "high"));
  CHECK(contains(m.html, "Transfer to the landlord"));
  CHECK(contains(m.html, "href=\"http://127.0.0.1:8080/tasks/t1\""));
  CHECK(contains(m.html,
                 "Snooze or dismiss: <a href=\"http://127.0.0.1:8080/notifications/fire-1\""));
}

TEST_CASE("the email follows daylight saving time: Berlin in summer, New York in both",
          "[notify][email]") {
  CHECK(render_email(rent("2026-07-14T07:00:00Z", "Europe/Berlin")).subject ==
        "Reminder: Pay rent \xE2\x80\x94 due Tue 14 Jul, 09:00 (Europe/Berlin)");
  CHECK(contains(render_email(rent("2026-07-14T07:00:00Z", "Europe/Berlin")).text,
                 "Due Tuesday 14 July 2026 at 09:00 (Europe/Berlin)"));
  CHECK(contains(render_email(rent("2026-12-01T14:00:00Z", "America/New_York")).text,
                 "Due Tuesday 1 December 2026 at 09:00 (America/New_York)"));
  CHECK(contains(render_email(rent("2026-07-14T13:00:00Z", "America/New_York")).text,
                 "Due Tuesday 14 July 2026 at 09:00 (America/New_York)"));
  // Either side of the spring-forward jump on 29 March 2026 (01:00 UTC).
  CHECK(contains(render_email(rent("2026-03-29T00:30:00Z", "Europe/Berlin")).text,
                 "Due Sunday 29 March 2026 at 01:30 (Europe/Berlin)"));
  CHECK(contains(render_email(rent("2026-03-29T01:30:00Z", "Europe/Berlin")).text,
                 "Due Sunday 29 March 2026 at 03:30 (Europe/Berlin)"));
}

TEST_CASE("an unknown zone renders in UTC rather than failing", "[notify][email]") {
  CHECK(contains(render_email(rent("2026-12-01T08:00:00Z", "Mars/Olympus")).text,
                 "Due Tuesday 1 December 2026 at 08:00 (UTC)"));
  CHECK(contains(render_email(rent("2026-12-01T08:00:00Z", "")).subject, "08:00 (UTC)"));
}

TEST_CASE("a task without a due time says so", "[notify][email]") {
  ReminderNotice n = rent("2026-12-01T08:00:00Z", "Europe/Berlin");
  n.due_at.reset();
  const EmailMessage m = render_email(n);
  CHECK(m.subject == "Reminder: Pay rent");
  CHECK(contains(m.text, "No due date"));
  CHECK_FALSE(contains(m.text, "Due "));
  CHECK(contains(m.html, "No due date"));
}

TEST_CASE("a date-only due shows the date without a time", "[notify][email]") {
  ReminderNotice n = rent("2026-11-30T23:00:00Z", "Europe/Berlin");  // local midnight
  n.due_date_only = true;
  const EmailMessage m = render_email(n);
  CHECK(m.subject == "Reminder: Pay rent \xE2\x80\x94 due Tue 1 Dec");
  CHECK(contains(m.text, "Due Tuesday 1 December 2026\n"));
}

TEST_CASE("a hostile title and description are escaped in the HTML", "[notify][email]") {
  ReminderNotice n = rent("2026-12-01T08:00:00Z", "Europe/Berlin");
  n.title = "<script>alert(1)</script> & \"x\"";
  n.description = "it's <b>bold</b>\nsecond line";
  const EmailMessage m = render_email(n);
  CHECK_FALSE(contains(m.html, "<script>"));
  CHECK_FALSE(contains(m.html, "<b>"));
  CHECK(contains(m.html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
  CHECK(contains(m.html, "it&#39;s &lt;b&gt;bold&lt;/b&gt;<br>second line"));
  // The plain text keeps the title as typed.
  CHECK(contains(m.text, "<script>alert(1)</script> & \"x\""));
}

TEST_CASE("CR and LF in a title never reach the subject", "[notify][email]") {
  ReminderNotice n = rent("2026-12-01T08:00:00Z", "Europe/Berlin");
  n.title = "Pay rent\r\nBcc: victim@example.com\r\n\r\nbody";
  const EmailMessage m = render_email(n);
  CHECK(m.subject.find('\r') == std::string::npos);
  CHECK(m.subject.find('\n') == std::string::npos);
  CHECK(m.subject ==
        "Reminder: Pay rent Bcc: victim@example.com body \xE2\x80\x94 due Tue 1 Dec, 09:00 "
        "(Europe/Berlin)");
}

TEST_CASE("a very long title is cut in the subject on a code point boundary", "[notify][email]") {
  ReminderNotice n = rent("2026-12-01T08:00:00Z", "Europe/Berlin");
  n.title.clear();
  for (int i = 0; i < 200; ++i) n.title += "\xC3\xA9";  // é
  const EmailMessage m = render_email(n);
  std::string expected_title;
  for (int i = 0; i < 119; ++i) expected_title += "\xC3\xA9";
  CHECK(contains(m.subject, "Reminder: " + expected_title + "\xE2\x80\xA6 \xE2\x80\x94 due"));
}

TEST_CASE("a late reminder says when it was set for", "[notify][email]") {
  ReminderNotice n = rent("2026-12-01T08:00:00Z", "Europe/Berlin");
  n.fire_at = at("2026-12-01T07:45:00Z");
  n.late = true;
  CHECK(contains(render_email(n).text,
                 "sent late: it was set for Tuesday 1 December 2026 at 08:45 (Europe/Berlin)"));
}

TEST_CASE("a digest of missed reminders lists each one", "[notify][email]") {
  ReminderNotice n = rent("2026-12-01T08:00:00Z", "Europe/Berlin");
  n.notification_id = "digest-1";
  n.notification_link = "http://127.0.0.1:8080/notifications/digest-1";
  n.missed = {
      {"t0", "Water <plants>", "low", at("2026-11-30T17:00:00Z"), at("2026-11-30T16:45:00Z")},
      {"t9", "Call mum", "urgent", std::nullopt, at("2026-11-30T18:00:00Z")},
      {"t1", "Pay rent", "high", at("2026-12-01T08:00:00Z"), at("2026-12-01T07:45:00Z")},
  };
  const EmailMessage m = render_email(n);
  CHECK(m.subject == "3 missed reminders");
  CHECK(contains(m.text, "You missed 3 reminders"));
  CHECK(contains(m.text,
                 "- Water <plants> \xE2\x80\x94 Due Monday 30 November 2026 at 18:00 "
                 "(Europe/Berlin); priority low; reminder set for Monday 30 November 2026 "
                 "at 17:45 (Europe/Berlin)"));
  CHECK(contains(m.text, "- Call mum \xE2\x80\x94 No due date; priority urgent"));
  CHECK(contains(m.text, "http://127.0.0.1:8080/tasks/t0"));
  CHECK(contains(m.text, "http://127.0.0.1:8080/tasks/t9"));
  CHECK(contains(m.text, "Snooze or dismiss: http://127.0.0.1:8080/notifications/digest-1"));
  CHECK(contains(m.html, "Water &lt;plants&gt;"));
  CHECK(contains(m.html, "href=\"http://127.0.0.1:8080/tasks/t9\""));
  CHECK(contains(m.html, "Due Tuesday 1 December 2026 at 09:00 (Europe/Berlin)"));
  CHECK(contains(m.html, "3 missed reminders"));
}

TEST_CASE("text helpers: one line, escaping, UTF-8 truncation", "[notify][text]") {
  using namespace todo::notify::detail;
  CHECK(one_line("  a\r\n\tb \x7F c  ") == "a b c");
  CHECK(html_escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  CHECK(truncate_utf8("short", 10) == "short");
  CHECK(truncate_utf8("abcdefghij", 6) == "abc\xE2\x80\xA6");
  // "€" is 3 bytes: a cut inside the second one drops all of it.
  CHECK(truncate_utf8("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC", 7) == "\xE2\x82\xAC\xE2\x80\xA6");
  CHECK(truncate_utf8("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC", 5) == "\xE2\x80\xA6");
  CHECK(truncate_code_points("h\xC3\xA9llo", 3) == "h\xC3\xA9\xE2\x80\xA6");
  CHECK(truncate_code_points("h\xC3\xA9llo", 5) == "h\xC3\xA9llo");
}

TEST_CASE("the verification mail carries the link and escapes what the user chose",
          "[notify][email][security]") {
  todo::events::EmailVerificationRequested r;
  r.user_id = "u";
  r.name = "<b>Eve</b>\r\nBcc: x@y";
  r.address = "eve@example.org";
  r.link = "https://todo.example/verify-email#token=abc.def";
  r.expires_at = "2026-12-09T10:00:00Z";
  const auto m = todo::notify::render_verification_email(r);
  CHECK(m.subject == "Confirm your email address for Todo");
  CHECK(m.text.find(r.link) != std::string::npos);
  CHECK(m.html.find("href=\"https://todo.example/verify-email#token=abc.def\"") !=
        std::string::npos);
  CHECK(m.html.find("<b>Eve") == std::string::npos);
  CHECK(m.html.find("&lt;b&gt;Eve") != std::string::npos);
  CHECK(m.text.find("\r\nBcc") == std::string::npos);
}
